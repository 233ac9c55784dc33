package org.matac.notification.messaging;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.matac.notification.application.EmailGateway;

/**
 * E-mail over SMTP with host, port, credentials and STARTTLS from configuration. The Message-ID is
 * the notification's id, so a mail client can recognise the rare repeat after a crash between the
 * server's acceptance and the delivery being marked sent.
 */
@Singleton
public class SmtpEmailGateway implements EmailGateway {

  private final Session session;
  private final String from;

  public SmtpEmailGateway(
      @Value("${matac.email.smtp.host}") String host,
      @Value("${matac.email.smtp.port}") int port,
      @Value("${matac.email.smtp.username:}") String username,
      @Value("${matac.email.smtp.password:}") String password,
      @Value("${matac.email.smtp.starttls:true}") boolean startTls,
      @Value("${matac.email.smtp.ssl:false}") boolean implicitTls,
      @Value("${matac.email.from}") String from) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", Integer.toString(port));
    properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
    // With STARTTLS the upgrade is required, never silently skipped, and the certificate must
    // name the host; implicit TLS (port 465) is for servers that offer no STARTTLS.
    properties.put("mail.smtp.starttls.required", Boolean.toString(startTls));
    properties.put("mail.smtp.ssl.enable", Boolean.toString(implicitTls));
    properties.put("mail.smtp.ssl.checkserveridentity", "true");
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "10000");
    boolean authenticate = !username.isBlank();
    properties.put("mail.smtp.auth", Boolean.toString(authenticate));
    this.session =
        authenticate
            ? Session.getInstance(
                properties,
                new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username, password);
                  }
                })
            : Session.getInstance(properties);
    this.from = from;
  }

  @Override
  public void send(String recipient, String subject, String text, String messageId)
      throws Exception {
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + "@matac.invalid>");
          }
        };
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
    message.setSubject(subject, "UTF-8");
    message.setText(text, "UTF-8");
    Transport.send(message);
  }
}
