//! The encrypted export: the JSON export in the age format, sealed with a
//! passphrase (scrypt), so the standard `age` and `rage` tools open it too
//! (`age -d export.age`). Its passphrase is its own, not the journal's.

use crate::db::Passphrase;
use crate::error::{Error, Result};
use age::secrecy::SecretString;

/// `json` sealed with `passphrase`.
pub fn seal_export(json: &str, passphrase: &Passphrase) -> Result<Vec<u8>> {
    let recipient = age::scrypt::Recipient::new(secret(passphrase));
    age::encrypt(&recipient, json.as_bytes())
        .map_err(|e| Error::invalid(format!("The export could not be encrypted ({e}).")))
}

/// What [`seal_export`] sealed, as JSON text.
pub fn open_export(bytes: &[u8], passphrase: &Passphrase) -> Result<String> {
    if !bytes.starts_with(b"age-encryption.org/v1") {
        return Err(Error::invalid(
            "This is not an encrypted export (an age file). Nothing was imported.",
        ));
    }
    let identity = age::scrypt::Identity::new(secret(passphrase));
    let plain = age::decrypt(&identity, bytes).map_err(|e| match e {
        age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
            Error::WrongExportPassphrase
        }
        other => Error::invalid(format!(
            "This encrypted export could not be opened ({other}). Nothing was imported."
        )),
    })?;
    String::from_utf8(plain).map_err(|_| {
        Error::invalid(
            "This encrypted export does not hold a Breathing Room export. Nothing was imported.",
        )
    })
}

fn secret(passphrase: &Passphrase) -> SecretString {
    SecretString::from(passphrase.text().to_owned())
}
