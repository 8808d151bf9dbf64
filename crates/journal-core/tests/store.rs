use chrono::NaiveDate;
use journal_core::*;
#[test]
fn probe() {
    let mut s = Store::open_in_memory().unwrap();
    let c = FixedClock::at_utc("2027-03-14T09:00:00Z");
    let d = |x: u32| NaiveDate::from_ymd_opt(2027, 3, x).unwrap();
    s.save_page(d(1), "Coffee at the café with Noa", None, &c)
        .unwrap();
    s.save_page(d(2), "cafe\u{301} au lait", None, &c).unwrap();
    s.save_page(d(3), "今日は静かな一日でした。散歩に行った。", None, &c)
        .unwrap();
    s.save_page(d(4), "היום הרגשתי טוב", None, &c).unwrap();
    s.save_page(d(5), "nul\0byte here", None, &c).unwrap();
    s.save_page(d(6), "plain cafe here ² ½ Ⅻ", None, &c)
        .unwrap();
    println!("nul body {:?}", s.page(d(5)).unwrap().body);
    for q in [
        "cafe",
        "café",
        "CAFÉ",
        "cafe\u{301}",
        "今日",
        "静か",
        "今日は静かな一日でした",
        "散歩",
        "הרגשתי",
        "byte",
        "²",
        "½",
        "Ⅻ",
        "\u{1E030}",
        "\u{0860}",
        "\u{A7C0}",
        "𝔘𝔫𝔦",
        "ǅ",
        "\u{1F600}",
        "a\u{301}",
    ] {
        println!(
            "{q:?} -> {:?}",
            s.search(q, 10).map(|h| h
                .into_iter()
                .map(|h| (h.date, h.snippet))
                .collect::<Vec<_>>())
        );
    }
}
