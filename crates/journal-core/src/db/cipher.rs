//! Encryption at rest: the key a passphrase makes, and where what is needed
//! to make it again travels.
//!
//! The whole file is encrypted by SQLCipher (AES-256, an HMAC on every
//! page, the `-wal` too). The key is not SQLCipher's own PBKDF2 but Argon2id,
//! which is memory-hard. SQLCipher keeps a 16-byte salt in the clear at the
//! start of the file; we choose those 16 bytes ourselves, and they carry the
//! KDF's cost as well as randomness:
//!
//! | byte  | meaning                                               |
//! |-------|-------------------------------------------------------|
//! | 0     | `0xB1`: Argon2id (v0x13), key = 32 bytes, this layout |
//! | 1     | memory, as log2 of KiB (16 = 64 MiB)                  |
//! | 2     | passes                                                |
//! | 3     | lanes                                                 |
//! | 4..16 | random                                                |
//!
//! So a journal or a backup stands alone: the file and its passphrase are
//! all another machine needs. The cost can change later (a new journal, a
//! passphrase change, a conversion) without breaking older files, which keep
//! saying how they were made. The passphrase and the key live only in
//! memory, wiped when dropped; neither is ever written anywhere.

use crate::error::{Error, Result};
use rusqlite::Connection;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use zeroize::Zeroizing;

/// A passphrase, held in memory only and wiped when dropped.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// The passphrase's text (for the encrypted export; never logged).
    pub(crate) fn text(&self) -> &str {
        self.0.as_str()
    }

    /// Refuses an empty passphrase (it would protect nothing).
    pub fn new(text: impl Into<String>) -> Result<Self> {
        let text = Zeroizing::new(text.into());
        if text.is_empty() {
            return Err(Error::invalid("The passphrase is empty."));
        }
        Ok(Passphrase(text))
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// How hard Argon2id works to turn a passphrase into a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfCost {
    /// Memory, as log2 of KiB.
    pub memory_log2_kib: u8,
    pub passes: u8,
    pub lanes: u8,
}

impl KdfCost {
    /// New journals: 128 MiB, 10 passes, 1 lane. Measured on the 2-core
    /// machine we build on: see ARCHITECTURE.md ("Encryption at rest").
    pub const DEFAULT: KdfCost = KdfCost {
        memory_log2_kib: 17,
        passes: 10,
        lanes: 1,
    };

    /// A cheap cost for tests only (1 MiB, 1 pass): never for a real journal.
    #[doc(hidden)]
    pub const FOR_TESTS: KdfCost = KdfCost {
        memory_log2_kib: 10,
        passes: 1,
        lanes: 1,
    };

    fn valid(self) -> bool {
        (10..=22).contains(&self.memory_log2_kib)
            && (1..=16).contains(&self.passes)
            && (1..=8).contains(&self.lanes)
    }
}

const SCHEME_ARGON2ID_V1: u8 = 0xB1;
const SALT_LEN: usize = 16;
const KEY_LEN: usize = 32;

/// The first 16 bytes of an encrypted journal.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Salt([u8; SALT_LEN]);

impl Salt {
    /// A fresh salt for a file about to be written with this cost.
    pub(crate) fn fresh(cost: KdfCost) -> Result<Salt> {
        if !cost.valid() {
            return Err(Error::invalid("That encryption cost is out of range."));
        }
        let mut bytes = [0u8; SALT_LEN];
        bytes[0] = SCHEME_ARGON2ID_V1;
        bytes[1] = cost.memory_log2_kib;
        bytes[2] = cost.passes;
        bytes[3] = cost.lanes;
        getrandom::fill(&mut bytes[4..]).map_err(|e| {
            Error::invalid(format!("The system gave no randomness for a key ({e})."))
        })?;
        Ok(Salt(bytes))
    }

    /// Read back a salt we wrote; `None` for anything else.
    fn parse(bytes: [u8; SALT_LEN]) -> Option<Salt> {
        let salt = Salt(bytes);
        (bytes[0] == SCHEME_ARGON2ID_V1 && salt.cost().valid()).then_some(salt)
    }

    pub(crate) fn cost(&self) -> KdfCost {
        KdfCost {
            memory_log2_kib: self.0[1],
            passes: self.0[2],
            lanes: self.0[3],
        }
    }
}

/// The key for one salt, wiped when dropped.
/// A key that seals a small file of the journal's (its recovery file) with
/// ChaCha20-Poly1305; made from the journal's key, kept only in memory.
#[derive(Clone)]
pub struct SealKey(Zeroizing<[u8; KEY_LEN]>);

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealKey(…)")
    }
}

/// What a sealed file starts with.
const SEALED: &[u8; 8] = b"BRSEAL01";
const NONCE_LEN: usize = 12;

impl SealKey {
    /// `plain`, sealed: the mark, a random nonce, then the ciphertext with
    /// its tag.
    pub fn seal(&self, plain: &[u8]) -> Result<Vec<u8>> {
        use chacha20poly1305::aead::{Aead, KeyInit};
        let cipher = chacha20poly1305::ChaCha20Poly1305::new(self.0.as_ref().into());
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce)
            .map_err(|e| Error::invalid(format!("No randomness for the seal ({e}).")))?;
        let sealed = cipher
            .encrypt(&nonce.into(), plain)
            .map_err(|_| Error::invalid("The words could not be sealed."))?;
        let mut out = Vec::with_capacity(SEALED.len() + NONCE_LEN + sealed.len());
        out.extend_from_slice(SEALED);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// What [`SealKey::seal`] sealed; `None` when this key did not seal it
    /// (or the bytes were changed).
    pub fn open(&self, sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        use chacha20poly1305::aead::{Aead, KeyInit};
        let rest = sealed.strip_prefix(SEALED.as_slice())?;
        if rest.len() < NONCE_LEN {
            return None;
        }
        let (nonce, body) = rest.split_at(NONCE_LEN);
        let cipher = chacha20poly1305::ChaCha20Poly1305::new(self.0.as_ref().into());
        let nonce: [u8; NONCE_LEN] = nonce.try_into().ok()?;
        cipher.decrypt(&nonce.into(), body).ok().map(Zeroizing::new)
    }

    /// Whether `bytes` are a sealed file.
    pub fn is_sealed(bytes: &[u8]) -> bool {
        bytes.starts_with(SEALED)
    }
}

pub(crate) struct Key {
    bytes: Zeroizing<[u8; KEY_LEN]>,
    salt: Salt,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

impl Key {
    pub(crate) fn salt(&self) -> Salt {
        self.salt
    }

    /// Argon2id over the passphrase and the whole salt (cost included).
    pub(crate) fn derive(passphrase: &Passphrase, salt: Salt) -> Result<Key> {
        let cost = salt.cost();
        let params = argon2::Params::new(
            1u32 << cost.memory_log2_kib,
            u32::from(cost.passes),
            u32::from(cost.lanes),
            Some(KEY_LEN),
        )
        .map_err(|e| Error::invalid(format!("The encryption cost is not usable ({e}).")))?;
        let argon =
            argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut bytes = Zeroizing::new([0u8; KEY_LEN]);
        argon
            .hash_password_into(passphrase.0.as_bytes(), &salt.0, bytes.as_mut())
            .map_err(|e| Error::invalid(format!("The key could not be made ({e}).")))?;
        Ok(Key { bytes, salt })
    }

    /// A key of its own for one `purpose`, made from this one (BLAKE2b keyed
    /// with it, over the purpose): knowing it says nothing of the journal's.
    pub(crate) fn sub_key(&self, purpose: &str) -> SealKey {
        use blake2::digest::{consts::U32, Mac};
        let mut mac = <blake2::Blake2bMac<U32> as Mac>::new_from_slice(self.bytes.as_ref())
            .expect("a 32-byte key suits BLAKE2b");
        mac.update(purpose.as_bytes());
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        out.copy_from_slice(&mac.finalize().into_bytes());
        SealKey(out)
    }

    /// The same key (compared in full, whatever differs first).
    pub(crate) fn same_as(&self, other: &Key) -> bool {
        let diff = self
            .bytes
            .iter()
            .zip(other.bytes.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b));
        diff == 0 && self.salt == other.salt
    }

    /// SQLCipher's raw-key form, `x'<key><salt>'`: the key is used as it
    /// is (no PBKDF2 of SQLCipher's own) and the salt is what it writes at
    /// the start of the file.
    pub(crate) fn literal(&self) -> Zeroizing<String> {
        let mut out = Zeroizing::new(String::with_capacity(3 + 2 * (KEY_LEN + SALT_LEN)));
        out.push_str("x'");
        for b in self.bytes.iter().chain(self.salt.0.iter()) {
            push_hex(&mut out, *b);
        }
        out.push('\'');
        out
    }

    /// Key a connection that has not read anything yet.
    pub(crate) fn apply(&self, conn: &Connection) -> rusqlite::Result<()> {
        quiet(conn);
        let literal = self.literal();
        // SAFETY: the handle belongs to `conn` and lives through the call;
        // SQLCipher copies the key material before returning.
        let rc = unsafe {
            rusqlite::ffi::sqlite3_key(
                conn.handle(),
                literal.as_ptr().cast(),
                literal.len() as std::os::raw::c_int,
            )
        };
        if rc == rusqlite::ffi::SQLITE_OK {
            Ok(())
        } else {
            Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rc),
                Some("the journal could not be keyed".into()),
            ))
        }
    }
}

/// SQLCipher writes its own complaints (a page failing its check, which is
/// what a wrong passphrase looks like) to stderr; we report them ourselves,
/// in words, so it stays quiet.
pub(crate) fn quiet(conn: &Connection) {
    let _ = conn.execute_batch("PRAGMA cipher_log_level = NONE;");
}

fn push_hex(out: &mut String, b: u8) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.push(DIGITS[usize::from(b >> 4)] as char);
    out.push(DIGITS[usize::from(b & 0xf)] as char);
}

/// What a file on disk is, judged by its first bytes alone.
pub(crate) enum Kind {
    /// Missing or empty: a new journal.
    New,
    /// A plain SQLite file.
    Plain,
    /// One of our encrypted files, with its salt.
    Encrypted(Salt),
    /// Neither: damaged, or not ours at all.
    Unknown,
}

pub(crate) fn sniff(path: &Path) -> Result<Kind> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Kind::New),
        Err(source) => {
            return Err(Error::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    let mut head = [0u8; SALT_LEN];
    let mut got = 0;
    while got < SALT_LEN {
        match file.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(source) => {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    source,
                })
            }
        }
    }
    Ok(match got {
        0 => Kind::New,
        SALT_LEN if &head == b"SQLite format 3\0" => Kind::Plain,
        SALT_LEN => Salt::parse(head).map_or(Kind::Unknown, Kind::Encrypted),
        _ => Kind::Unknown,
    })
}

/// Whether the journal at `path` is encrypted (needs a passphrase to open).
pub fn is_encrypted(path: impl AsRef<Path>) -> Result<bool> {
    Ok(matches!(sniff(path.as_ref())?, Kind::Encrypted(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_salt_carries_its_cost_and_is_read_back() {
        let salt = Salt::fresh(KdfCost::DEFAULT).unwrap();
        assert_eq!(salt.cost(), KdfCost::DEFAULT);
        assert!(Salt::parse(salt.0).is_some());
        let other = Salt::fresh(KdfCost::DEFAULT).unwrap();
        assert_ne!(salt.0[4..], other.0[4..], "the random part differs");
    }

    #[test]
    fn bytes_that_are_not_our_salt_are_not_taken_for_one() {
        assert!(Salt::parse(*b"SQLite format 3\0").is_none());
        let mut bytes = Salt::fresh(KdfCost::FOR_TESTS).unwrap().0;
        bytes[1] = 40; // a terabyte-sized cost: refused, never attempted
        assert!(Salt::parse(bytes).is_none());
    }

    #[test]
    fn the_same_passphrase_and_salt_make_the_same_key_and_others_do_not() {
        let salt = Salt::fresh(KdfCost::FOR_TESTS).unwrap();
        let p = Passphrase::new("river stones").unwrap();
        let a = Key::derive(&p, salt).unwrap();
        let b = Key::derive(&p, salt).unwrap();
        assert_eq!(*a.literal(), *b.literal());
        let c = Key::derive(&Passphrase::new("river stone").unwrap(), salt).unwrap();
        assert_ne!(*a.literal(), *c.literal());
        let d = Key::derive(&p, Salt::fresh(KdfCost::FOR_TESTS).unwrap()).unwrap();
        assert_ne!(a.literal()[2..66], d.literal()[2..66]);
        assert_eq!(a.literal().len(), 2 + 96 + 1);
    }

    #[test]
    fn an_empty_passphrase_is_refused_and_none_is_ever_printed() {
        assert!(Passphrase::new("").is_err());
        let p = Passphrase::new("secret words").unwrap();
        assert!(!format!("{p:?}").contains("secret"));
    }
}
