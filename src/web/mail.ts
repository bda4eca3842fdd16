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
  html?: string;
  /** Extra headers (List-Unsubscribe, …). */
  headers?: Record<string, string>;
  /** A stable Message-ID (`<id@host>`), so a receiver can drop a second copy of the same mail. */
  messageId?: string;
}

export interface Mailer {
  /** Sends, or logs the failure: never throws (accounts' links, asked again when lost). */
  send(message: MailMessage): Promise<void>;
  /** Sends, and throws when the mail server did not accept the message (the outbox retries; ADR 0028). */
  deliver(message: MailMessage): Promise<void>;
}

/** Plain-text mail through the SMTP server at `url` (smtp:// or smtps://, credentials in the URL). */
export function smtpMailer(url: string, from: string): Mailer {
  // Bounded waits: a request that sends mail must not hang on a mail server that does not answer (nodemailer's
  // defaults wait up to two minutes for a connection and ten for a reply).
  const transport = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }, { from });
  const deliver = async (message: MailMessage) => {
    await transport.sendMail({
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html !== undefined ? { html: message.html } : {}),
      ...(message.headers ? { headers: message.headers } : {}),
      ...(message.messageId ? { messageId: message.messageId } : {}),
    });
  };
  return { send: deliver, deliver };
}

/** Writes each message, links included, to the log at `info`: the operator forwards it by hand. */
export function logMailer(logger: Logger, from: string): Mailer {
  const write = async (message: MailMessage) => {
    logger.info({ mail: { from, ...message } }, 'e-mail not sent (SMTP_URL is not set); its text follows');
  };
  return { send: write, deliver: write };
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
    deliver: (message) => smtp.deliver(message),
  };
}

let fallback: Mailer | undefined;

/** For an app built without a mailer (tests of other capabilities): the log mailer on a logger of its own. */
export function fallbackMailer(): Mailer {
  fallback ??= logMailer(pino({ level: 'info' }), DEFAULT_MAIL_FROM);
  return fallback;
}
