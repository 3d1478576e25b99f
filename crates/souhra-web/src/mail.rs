//! Outgoing e-mail: plain-text messages built with lettre, sent over SMTP when an SMTP URL is
//! configured (`SOUHRA_SMTP_URL`, a secret: `smtps://user:password@host` or
//! `smtp://host:25?tls=required`), otherwise written as `.eml` files into the outbox folder of
//! the data directory, where an administrator (or a test) can read them.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, Message, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use souhra_core::account::Email;

/// The sender used when none is configured.
pub const DEFAULT_FROM: &str = "Souhra <souhra@localhost>";

/// Where mail goes.
#[derive(Debug, Clone, Default)]
pub struct MailSettings {
    /// The sender (`Name <address>`); [`DEFAULT_FROM`] when empty.
    pub from: String,
    /// An SMTP URL; without one, messages are written to `outbox`.
    pub smtp_url: Option<String>,
    /// The folder for `.eml` files (without SMTP); mail is only logged when this is `None` too.
    pub outbox: Option<PathBuf>,
}

/// Why a message could not be sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The sender or recipient is not a mailbox.
    #[error("address: {0}")]
    Address(String),
    /// The message could not be built.
    #[error("message: {0}")]
    Build(String),
    /// The SMTP server refused or could not be reached.
    #[error("SMTP: {0}")]
    Smtp(String),
    /// The outbox folder could not be written.
    #[error("outbox {path}: {error}")]
    Outbox {
        /// The file.
        path: PathBuf,
        /// What failed.
        error: std::io::Error,
    },
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(PathBuf),
    Log,
}

/// Sends the application's messages.
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
    sequence: AtomicU64,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let how = match &self.transport {
            Transport::Smtp(_) => "smtp".to_owned(),
            Transport::Outbox(dir) => dir.display().to_string(),
            Transport::Log => "log".to_owned(),
        };
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .field("transport", &how)
            .finish()
    }
}

impl Mailer {
    /// A mailer for the settings (the SMTP connection is opened per message).
    pub fn new(settings: &MailSettings) -> Result<Self, MailError> {
        let from_text = if settings.from.trim().is_empty() {
            DEFAULT_FROM
        } else {
            settings.from.trim()
        };
        let from: Mailbox = from_text
            .parse()
            .map_err(|e| MailError::Address(format!("{from_text}: {e}")))?;
        let transport = match (&settings.smtp_url, &settings.outbox) {
            (Some(url), _) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| MailError::Smtp(e.to_string()))?
                    .build(),
            ),
            (None, Some(dir)) => Transport::Outbox(dir.clone()),
            (None, None) => Transport::Log,
        };
        Ok(Self {
            from,
            transport,
            sequence: AtomicU64::new(0),
        })
    }

    /// The outbox folder, when messages are written as files.
    pub fn outbox(&self) -> Option<&Path> {
        match &self.transport {
            Transport::Outbox(dir) => Some(dir),
            _ => None,
        }
    }

    /// Sends a plain-text message to `to`.
    pub async fn send(&self, to: &Email, subject: &str, body: &str) -> Result<(), MailError> {
        let message = self
            .builder(to, subject)?
            .singlepart(text_part(body)?)
            .map_err(|e| MailError::Build(e.to_string()))?;
        self.deliver(to, message).await
    }

    /// Sends a plain-text message with a calendar invitation (`text/calendar`,
    /// `method=REQUEST`) that mail programs offer to put into the calendar.
    pub async fn send_invitation(
        &self,
        to: &Email,
        subject: &str,
        body: &str,
        calendar: &str,
    ) -> Result<(), MailError> {
        let invitation = SinglePart::builder()
            .header(
                ContentType::parse("text/calendar; charset=utf-8; method=REQUEST")
                    .map_err(|e| MailError::Build(e.to_string()))?,
            )
            .header(lettre::message::header::ContentDisposition::attachment(
                "pozvanka.ics",
            ))
            .body(
                Body::new_with_encoding(calendar.to_owned(), ContentTransferEncoding::Base64)
                    .map_err(|_| MailError::Build("calendar encoding".into()))?,
            );
        let message = self
            .builder(to, subject)?
            .multipart(
                lettre::message::MultiPart::mixed()
                    .singlepart(text_part(body)?)
                    .singlepart(invitation),
            )
            .map_err(|e| MailError::Build(e.to_string()))?;
        self.deliver(to, message).await
    }

    fn builder(
        &self,
        to: &Email,
        subject: &str,
    ) -> Result<lettre::message::MessageBuilder, MailError> {
        let recipient: Mailbox = to
            .as_str()
            .parse()
            .map_err(|e| MailError::Address(format!("{to}: {e}")))?;
        Ok(Message::builder()
            .from(self.from.clone())
            .to(recipient)
            .subject(subject))
    }

    async fn deliver(&self, to: &Email, message: Message) -> Result<(), MailError> {
        match &self.transport {
            Transport::Smtp(smtp) => {
                smtp.send(message)
                    .await
                    .map_err(|e| MailError::Smtp(e.to_string()))?;
            }
            Transport::Outbox(dir) => {
                let n = self.sequence.fetch_add(1, Ordering::Relaxed);
                let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f");
                let path = dir.join(format!("{stamp}-{n:04}.eml"));
                let bytes = message.formatted();
                let write = async {
                    tokio::fs::create_dir_all(dir).await?;
                    tokio::fs::write(&path, bytes).await
                };
                write.await.map_err(|error| MailError::Outbox {
                    path: path.clone(),
                    error,
                })?;
                tracing::info!(to = %to, path = %path.display(), "mail written to the outbox");
            }
            Transport::Log => {
                tracing::info!(to = %to, "mail not sent: no SMTP and no outbox")
            }
        }
        Ok(())
    }
}

/// A plain-text part, quoted-printable: any server takes it, and the .eml stays readable.
fn text_part(body: &str) -> Result<SinglePart, MailError> {
    Ok(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(
        Body::new_with_encoding(body.to_owned(), ContentTransferEncoding::QuotedPrintable)
            .map_err(|_| MailError::Build("body encoding".into()))?,
    ))
}
