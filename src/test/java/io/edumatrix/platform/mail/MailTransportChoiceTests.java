package io.edumatrix.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.UnitTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mock.env.MockEnvironment;

/**
 * Without {@code spring.mail.host} mails go to the log; with it, over SMTP, even when Boot made no sender (as in a start
 * with Spring AOT, whose build saw no host); and a template renders its subject, plain text and escaped HTML.
 */
@UnitTest
class MailTransportChoiceTests {

    private final MailConfiguration configuration = new MailConfiguration();
    private final StaticListableBeanFactory noBeans = new StaticListableBeanFactory();

    @Test
    void without_an_smtp_host_mails_are_logged() {
        var transport = configuration.mailTransport(noBeans.getBeanProvider(JavaMailSender.class), new MockEnvironment());

        assertThat(transport).isInstanceOf(LogTransport.class);
        assertThat(transport.name()).isEqualTo("log");
    }

    @Test
    void with_an_smtp_host_and_no_sender_of_boot_mails_go_over_smtp() {
        var environment = new MockEnvironment().withProperty("spring.mail.host", "mail.example")
                .withProperty("spring.mail.port", "2525");

        var transport = configuration.mailTransport(noBeans.getBeanProvider(JavaMailSender.class), environment);

        assertThat(transport).isInstanceOf(SmtpTransport.class);
        assertThat(transport.name()).isEqualTo("smtp");
    }

    @Test
    void a_template_renders_subject_text_and_escaped_html_with_the_link_base() {
        var rendered = new MailRenderer("https://app.example").render("test/greeting",
                Map.of("name", "<Ada>", "token", "abc"));

        assertThat(rendered.subject()).isEqualTo("Hello <Ada>");
        assertThat(rendered.text()).contains("Dear <Ada>,").contains("https://app.example/welcome?token=abc");
        assertThat(rendered.html()).hasValueSatisfying(html -> assertThat(html).contains("Dear &lt;Ada&gt;,"));
    }
}
