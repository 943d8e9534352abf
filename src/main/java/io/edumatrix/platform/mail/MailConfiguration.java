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
import org.springframework.mail.javamail.JavaMailSender;
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

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> sender) {
        var smtp = sender.getIfAvailable();
        if (smtp == null) {
            log.warn("No SMTP server configured (spring.mail.host, SPRING_MAIL_HOST): mails are written to the log"
                    + " (category edumatrix.mail) instead of being sent");
            return new LogTransport();
        }
        return new SmtpTransport(smtp);
    }

    @Bean
    MailDispatch mailDispatch(ModuleDelivery delivery, MailSealing sealing, MailTransport transport,
            MailProperties properties, MeterRegistry meters) {
        return new MailDispatch(delivery, sealing, new MailRenderer(properties.linkBaseUrl()), transport, properties,
                meters);
    }
}
