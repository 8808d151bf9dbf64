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

/// What [`seal_export`] sealed, read as it is decrypted (each piece is
/// checked before it is handed on, so a damaged file stops the import
/// there).
pub fn open_export<R: std::io::BufRead>(
    mut reader: R,
    passphrase: &Passphrase,
) -> Result<impl std::io::Read> {
    let starts = reader
        .fill_buf()
        .map(|b| b.starts_with(b"age-encryption.org/v1"))
        .unwrap_or(false);
    if !starts {
        return Err(Error::invalid(
            "This is not an encrypted export (an age file). Nothing was imported.",
        ));
    }
    let damaged = |e: age::DecryptError| match e {
        age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
            Error::WrongExportPassphrase
        }
        other => Error::invalid(format!(
            "This encrypted export could not be opened ({other}). Nothing was imported."
        )),
    };
    let identity = age::scrypt::Identity::new(secret(passphrase));
    age::Decryptor::new_buffered(reader)
        .map_err(damaged)?
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(damaged)
}

fn secret(passphrase: &Passphrase) -> SecretString {
    SecretString::from(passphrase.text().to_owned())
}
