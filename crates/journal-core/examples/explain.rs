//! What the guidance hears in each text given: the rules that matched and
//! the learned net's scores (for tuning; never part of the app).
//! `cargo run -p journal-core --example explain -- "some text" …`

fn main() {
    for text in std::env::args().skip(1) {
        println!("{text}");
        println!("  rules {:?}", journal_core::guidance_explain(&text));
        for line in journal_core::guidance_net_explain(&text) {
            println!("  net {line}");
        }
    }
}
