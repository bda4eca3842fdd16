/**
 * Outgoing e-mail (ADR 0025): through SMTP with nodemailer when SMTP_URL is set, else written to the log, so a
 * site without a mail server still shows the operator the links it would have sent. Callers send only after their
 * transaction has committed, so no mail speaks of a write that was rolled back.
 */
import { createTransport } from 'nodemailer';
import { pino, type Logger } from 'pino';
import { DEFAULT_MAIL_FROM, type Config } from '../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Plain-text mail through the SMTP server at `url` (smtp:// or smtps://, credentials in the URL). */
export function smtpMailer(url: string, from: string): Mailer {
  // Bounded waits: a request that sends mail must not hang on a mail server that does not answer (nodemailer's
  // defaults wait up to two minutes for a connection and ten for a reply).
  const transport = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }, { from });
  return {
    async send(message) {
      await transport.sendMail({ to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/** Writes each message, links included, to the log at `info`: the operator forwards it by hand. */
export function logMailer(logger: Logger, from: string): Mailer {
  return {
    async send(message) {
      logger.info({ mail: { from, ...message } }, 'e-mail not sent (SMTP_URL is not set); its text follows');
    },
  };
}

/**
 * The mailer the configuration asks for. A message the SMTP server refuses, or a server that is down, is logged as an
 * error and not thrown: the write it follows has committed, and the person may ask for the link again.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, logger: Logger): Mailer {
  if (!config.smtpUrl) return logMailer(logger, config.mailFrom);
  const smtp = smtpMailer(config.smtpUrl, config.mailFrom);
  return {
    async send(message) {
      try {
        await smtp.send(message);
      } catch (error) {
        logger.error({ err: error, mail: { subject: message.subject } }, 'e-mail could not be sent');
      }
    },
  };
}

let fallback: Mailer | undefined;

/** For an app built without a mailer (tests of other capabilities): the log mailer on a logger of its own. */
export function fallbackMailer(): Mailer {
  fallback ??= logMailer(pino({ level: 'info' }), DEFAULT_MAIL_FROM);
  return fallback;
}
