package io.edumatrix.platform.mail;

import io.edumatrix.platform.events.ModuleDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.Properties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mail port and its delivery. Boot configures a {@link JavaMailSender} when {@code spring.mail.host} is set; without
 * one, mails go to the log, and start-up says so once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    MailSealing mailSealing(BeanFactory beans, JsonMapper json) {
        return new MailSealing(beans, json);
    }

    @Bean
    OutgoingMail outgoingMail(MailSealing sealing, ApplicationEventPublisher events) {
        return new MailOutbox(sealing, events);
    }

    /**
     * Boot's {@link JavaMailSender} if it made one; otherwise one made here from {@code spring.mail.*} as Boot would,
     * since Boot decides whether to make it by a condition that Spring AOT fixes at build time, when no host is set:
     * the production start with AOT would never send a mail.
     */
    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> sender, Environment environment) {
        var smtp = sender.getIfAvailable(() -> fromProperties(environment));
        if (smtp == null) {
            log.warn("No SMTP server configured (spring.mail.host, SPRING_MAIL_HOST): mails are written to the log"
                    + " (category edumatrix.mail) instead of being sent");
            return new LogTransport();
        }
        return new SmtpTransport(smtp);
    }

    private static JavaMailSender fromProperties(Environment environment) {
        var mail = Binder.get(environment)
                .bind("spring.mail", org.springframework.boot.mail.autoconfigure.MailProperties.class).orElse(null);
        if (mail == null || mail.getHost() == null || mail.getHost().isBlank()) {
            return null;
        }
        var sender = new JavaMailSenderImpl();
        sender.setHost(mail.getHost());
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setUsername(mail.getUsername());
        sender.setPassword(mail.getPassword());
        sender.setProtocol(mail.getProtocol());
        if (mail.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        }
        var properties = new Properties();
        properties.putAll(mail.getProperties());
        sender.setJavaMailProperties(properties);
        return sender;
    }

    @Bean
    MailDispatch mailDispatch(ModuleDelivery delivery, MailSealing sealing, MailTransport transport,
            MailProperties properties, MeterRegistry meters) {
        return new MailDispatch(delivery, sealing, new MailRenderer(properties.linkBaseUrl()), transport, properties,
                meters);
    }
}
