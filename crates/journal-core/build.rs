//! Rebuild when a guidance card or a migration is added, edited or removed:
//! both folders are embedded into the crate at compile time.

fn main() {
    println!("cargo:rerun-if-changed=guidance");
    println!("cargo:rerun-if-changed=migrations");
}
