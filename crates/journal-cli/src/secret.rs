//! Where the CLI takes a passphrase from: the first line of a file, an
//! environment variable, or a prompt that does not echo, in that order.
//! Never from an argument (other users can read a command line).

use journal_core::{Error, Passphrase};
use std::io::IsTerminal;
use std::path::Path;
use zeroize::Zeroizing;

const OLD_VAR: &str = "BREATHING_ROOM_PASSPHRASE";
const NEW_VAR: &str = "BREATHING_ROOM_NEW_PASSPHRASE";

/// The passphrase that opens the journal at `db`.
pub fn passphrase(file: Option<&Path>, db: &Path) -> Result<Passphrase, Error> {
    let prompt = format!("Passphrase for {}: ", db.display());
    match from_file_or_var(file, OLD_VAR)? {
        Some(p) => Ok(p),
        None if std::io::stdin().is_terminal() => ask(&prompt),
        None => Err(Error::PassphraseMissing(format!(
            "the journal {} is encrypted: give its passphrase with --passphrase-file or \
             ${OLD_VAR}. Nothing was changed.",
            db.display()
        ))),
    }
}

/// A new passphrase; typed twice when it is asked for.
pub fn new_passphrase(file: Option<&Path>) -> Result<Passphrase, Error> {
    if let Some(p) = from_file_or_var(file, NEW_VAR)? {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::PassphraseMissing(format!(
            "give the new passphrase with --new-passphrase-file or ${NEW_VAR}. Nothing was \
             changed."
        )));
    }
    eprintln!(
        "There is no way to recover a forgotten passphrase: without it nobody can open \
         the journal, you included."
    );
    let first = Zeroizing::new(read_hidden("New passphrase: ")?);
    let second = Zeroizing::new(read_hidden("The same again: ")?);
    if *first != *second {
        return Err(Error::invalid(
            "the two passphrases were not the same. Nothing was changed.",
        ));
    }
    checked(first.to_string())
}

const EXPORT_VAR: &str = "BREATHING_ROOM_EXPORT_PASSPHRASE";

/// An encrypted export's own passphrase (not the journal's): from the file,
/// else $BREATHING_ROOM_EXPORT_PASSPHRASE, else asked for (twice when a new
/// export is being sealed).
pub fn export_passphrase(file: Option<&Path>, new: bool) -> Result<Passphrase, Error> {
    if let Some(p) = from_file_or_var(file, EXPORT_VAR)? {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::PassphraseMissing(format!(
            "give the export's passphrase with --export-passphrase-file or ${EXPORT_VAR}. \
             Nothing was written."
        )));
    }
    if !new {
        return ask("The export's passphrase: ");
    }
    let first = Zeroizing::new(read_hidden("A passphrase for the export: ")?);
    let second = Zeroizing::new(read_hidden("The same again: ")?);
    if *first != *second {
        return Err(Error::invalid(
            "the two passphrases were not the same. Nothing was written.",
        ));
    }
    checked(first.to_string())
}

fn from_file_or_var(file: Option<&Path>, var: &str) -> Result<Option<Passphrase>, Error> {
    if let Some(file) = file {
        let text = Zeroizing::new(std::fs::read(file).map_err(|e| {
            Error::PassphraseMissing(format!(
                "could not read the passphrase file {} ({e}). Nothing was changed.",
                file.display()
            ))
        })?);
        let line = text.split(|b| *b == b'\n').next().unwrap_or_default();
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let line = std::str::from_utf8(line).map_err(|_| {
            Error::PassphraseMissing(format!(
                "the passphrase file {} is not text. Nothing was changed.",
                file.display()
            ))
        })?;
        return checked(line.to_string()).map(Some);
    }
    match std::env::var(var) {
        Ok(v) => checked(v).map(Some),
        Err(_) => Ok(None),
    }
}

fn ask(prompt: &str) -> Result<Passphrase, Error> {
    checked(read_hidden(prompt)?)
}

fn read_hidden(prompt: &str) -> Result<String, Error> {
    rpassword::prompt_password(prompt).map_err(|e| {
        Error::PassphraseMissing(format!(
            "could not read a passphrase ({e}). Nothing was changed."
        ))
    })
}

fn checked(text: String) -> Result<Passphrase, Error> {
    Passphrase::new(text).map_err(|_| {
        Error::PassphraseMissing("the passphrase is empty. Nothing was changed.".into())
    })
}
