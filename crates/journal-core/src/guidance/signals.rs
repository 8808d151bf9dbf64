//! What a page says, heard as signals: curated patterns over normalized
//! words (see `words`). A pattern is a short sequence of word slots with
//! room for a few words between them, so "he shoved me", "my husband
//! grabbed me by the arm" and "she threw her phone at me" are all heard,
//! while "grab me a coffee" or "it hit me that" are not.
//!
//! Pattern syntax (one pattern a string): slots separated by spaces; a slot
//! is alternatives separated by `|`, each a word (matched by its stem) or an
//! `@class`; a slot written `=a|b` matches its words exactly as written (for
//! tense: `=called` is not `call`); `~N` between two slots lets up to N words stand between.

use super::words::{words, Vocabulary, Word};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Word classes the patterns share.
const CLASSES: &[(&str, &str)] = &[
    // The partner (or anyone) doing something to the writer.
    (
        "they",
        "he|she|they|husband|wife|partner|spouse|ex|boyfriend|girlfriend|bf|gf|fiance|fiancee",
    ),
    // The partner as the one reached for.
    (
        "them",
        "him|her|them|husband|wife|partner|spouse|ex|boyfriend|girlfriend|bf|gf|fiance|fiancee|his|their",
    ),
    ("me", "me|my|myself"),
    ("neg", "not|never|no"),
    // Harm that needs no one named: "punched me", "choked me".
    (
        "strike",
        "slap|punch|kick|shove|choke|strangle|strangled|throttle|smack|headbutt|beat|thump|stamp|elbow|headlock",
    ),
    // Harm that does, to tell it from "grab me a coffee".
    (
        "force",
        "hit|push|grab|hurt|shake|shook|drag|dragged|pin|pinned|bite|bit|scratch|slam|attack|restrain|trap|corner|cornered|squeeze|twist|yank|spat|spit|threw|throw|thrown|burn|hold|held|kick|pull",
    ),
    ("fear", "afraid|scared|terrified|frightened|petrified|fear|scare|panic|dread|nervous"),
    (
        "reach",
        "text|call|ring|rang|phone|email|message|dm|contact|write|wrote|see|visit|beg|ask|tell|snapchat|whatsapp|facetime|voicemail|letter|talk|speak|apologise|apologize|plead|explain",
    ),
    ("want", "want|need|tempt|tempted|urge|itch|itching|dying|desperate|=longing|crave|wish|like"),
    ("almost", "almost|nearly|close|about|want|thought|think|tempt|tempted|considered|planned|keep|kept|draft|drafted|wrote"),
    (
        "place",
        "flat|house|place|apartment|work|office|door|doorstep|home|parents|mum|mom|street|road|gym|job",
    ),
    (
        "practical",
        "kid|kids|child|children|son|daughter|baby|school|nursery|pickup|custody|money|mortgage|bill|bills|rent|house|pet|pets|dog|cat|vet|doctor|insurance|car|bank|account|tax|taxes|lawyer|solicitor|mediator|council|boiler|lease|loan|payment|paperwork|form|forms|dentist|appointment|birthday|handover|maintenance|utilities|electric|gas|water|broadband|internet|phone|contract|bin|repairs|plumber",
    ),
    ("post", "photo|photos|picture|pictures|pic|pics|post|posts|story|stories|status|selfie|tweet|reel"),
    (
        "angry",
        "angry|anger|furious|fury|rage|raging|livid|fuming|seething|resent|resentful|resentment|bitter|pissed|mad|hate|hated|annoyed|infuriated|irritated|cross",
    ),
];

/// How strongly something said means the person may not be safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Danger {
    /// Hurt or handled roughly by someone.
    Harmed,
    /// Threatened.
    Threatened,
    /// Afraid of the partner, or of going home.
    Afraid,
    /// Thoughts of not living, or of hurting oneself.
    NotLiving,
    /// A word of danger without enough around it to say which: still shown.
    Unsure,
}

/// What the page says, as reasons a theme fits.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Signals {
    pub danger: Option<Danger>,
    pub wants_to_reach_out: bool,
    pub setback: bool,
    pub they_reached_out: bool,
    pub necessary: bool,
    pub waiting: bool,
    pub lonely: bool,
    pub with_people: bool,
    pub angry: bool,
    pub good_day: bool,
}

/// One rule: a pattern, whether a "not" just before it undoes it, and
/// patterns that, overlapping it (or anywhere in the sentence, written with
/// a leading `*`), mean it was meant another way.
struct Rule {
    pattern: Pattern,
    negatable: bool,
    unless: Vec<(Pattern, bool)>,
}

#[derive(Debug)]
enum Alt {
    Stem(String),
    Raw(String),
}

#[derive(Debug)]
struct Slot {
    alts: Vec<Alt>,
    /// How many words may stand between this slot and the next.
    gap: usize,
}

#[derive(Debug)]
struct Pattern(Vec<Slot>);

impl Slot {
    fn matches(&self, w: &Word) -> bool {
        self.alts.iter().any(|a| match a {
            Alt::Stem(s) => *s == w.stem,
            Alt::Raw(r) => *r == w.raw,
        })
    }
}

impl Pattern {
    /// Every span `(first, last)` where the pattern matches, first to last.
    fn spans(&self, ws: &[Word]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for start in 0..ws.len() {
            if self.0[0].matches(&ws[start]) {
                if let Some(end) = self.rest(ws, 1, start) {
                    out.push((start, end));
                }
            }
        }
        out
    }

    fn rest(&self, ws: &[Word], slot: usize, at: usize) -> Option<usize> {
        if slot == self.0.len() {
            return Some(at);
        }
        let gap = self.0[slot - 1].gap;
        (at + 1..=(at + 1 + gap).min(ws.len().saturating_sub(1)))
            .filter(|&i| i < ws.len() && self.0[slot].matches(&ws[i]))
            .find_map(|i| self.rest(ws, slot + 1, i))
    }
}

fn parse(pattern: &str, classes: &HashMap<&str, &str>) -> Pattern {
    let mut slots: Vec<Slot> = Vec::new();
    for part in pattern.split_whitespace() {
        if let Some(n) = part.strip_prefix('~') {
            let last = slots.last_mut().expect("a gap follows a slot");
            last.gap = n.parse().expect("a gap is a number");
            continue;
        }
        let mut alts = Vec::new();
        // `=a|b|c`: every alternative of the slot is matched as written.
        let (exact, part) = match part.strip_prefix('=') {
            Some(rest) => (true, rest),
            None => (false, part),
        };
        for alt in part.split('|') {
            if let Some(class) = alt.strip_prefix('@') {
                let words = classes
                    .get(class)
                    .unwrap_or_else(|| panic!("unknown class @{class}"));
                for w in words.split('|') {
                    alts.push(Alt::Stem(super::words::stem(w)));
                }
            } else if exact {
                alts.push(Alt::Raw(alt.to_string()));
            } else {
                alts.push(Alt::Stem(super::words::stem(alt)));
            }
        }
        slots.push(Slot { alts, gap: 0 });
    }
    assert!(!slots.is_empty(), "an empty pattern");
    Pattern(slots)
}

type RuleSpec = (&'static str, bool, &'static [&'static str]);

/// Hurt by someone. Not negatable: "he didn't hit me this time" is still heard.
const HARMED: &[RuleSpec] = &[
    ("@strike ~2 @me", false, &["=kick ~1 off", "=kicked ~1 off"]),
    (
        "@they ~4 @force ~3 @me",
        false,
        &["@they ~4 hold ~1 my ~1 hand", "@they ~4 push ~2 me ~2 away"],
    ),
    ("@they ~4 @strike", false, &[]),
    ("=threw|throw|thrown|hurl|hurled ~5 at ~1 me", false, &[]),
    ("lock|locked ~2 me ~2 out|in", false, &[]),
    ("lock|locked ~3 out ~2 house|flat|home|room", false, &[]),
    (
        "@they ~5 =took|take|taken|hid|hide|hidden|smash|smashed|broke|grabbed|snatched|keep|kept ~3 my ~1 phone|key|keys|passport|car|money|card|cards|wallet|purse",
        false,
        &[],
    ),
    ("bruis|bruise|bruises|bruised", false, &[]),
    ("black ~1 eye", false, &[]),
    ("split ~1 lip", false, &[]),
    ("hand|hands|fingers|arm ~3 neck|throat", false, &[]),
    ("put ~1 his|her|their ~1 hands ~1 on ~1 me", false, &[]),
    ("raised ~1 his|her|their ~1 fist|hand", false, &[]),
    ("@they ~3 =abused|abuse|abusing|assaulted|attacked|raped|violent", false, &[]),
    ("abuse|abusive|violent|violence|assault|domestic", false, &["@neg ~2 violent"]),
    ("hurt ~1 me", false, &["it|that|this|song|film|word|words|comment|what ~3 hurt ~1 me"]),
    ("hit ~1 me", false, &["it|that|this|reality|realization|realisation|truth|song|wave|memory|what ~3 hit ~1 me"]),
    ("push ~1 me ~2 down|over|into|against|onto|off|wall|stairs", false, &[]),
];

const THREATENED: &[RuleSpec] = &[
    ("make ~2 sure ~3 regret", false, &[]),
    (
        "=regret ~1 it",
        false,
        &[
            "i ~1 =regret|regretted",
            "i ~1 do|did|will ~1 not ~1 regret",
        ],
    ),
    (
        "@they ~3 =said|says|told|tells|warned ~5 regret|sorry",
        false,
        &[],
    ),
    ("or ~1 else", false, &[]),
    (
        "@they ~6 take ~1 the|my|our ~1 kid|kids|children|child|son|daughter|baby",
        false,
        &[],
    ),
    (
        "=ill|will ~1 take ~1 the|my|our ~1 kid|kids|children",
        false,
        &[],
    ),
    (
        "never ~2 see ~2 the|my|our ~1 kid|kids|children",
        false,
        &[],
    ),
    ("threat|threaten|threatened|threatening|threats", false, &[]),
    (
        "@they ~4 kill|murder|destroy|ruin|hurt ~1 me|you",
        false,
        &[],
    ),
    ("you|ill|will ~2 be ~1 sorry", false, &[]),
    ("watch ~1 your|my ~1 back", false, &[]),
    (
        "@they ~3 =said|told|say|says ~4 =would|will|going|gonna ~3 hurt|kill|ruin|destroy",
        false,
        &[],
    ),
];

const AFRAID: &[RuleSpec] = &[
    ("@fear ~3 go|going|come|coming ~1 home|back", true, &[]),
    ("@fear ~2 of ~2 @them|what ", true, &[]),
    (
        "@fear ~3 @they ~3 will|would|might|could|going|do|does",
        true,
        &[],
    ),
    ("@fear ~2 for ~1 my ~1 life|safety", true, &[]),
    ("@fear ~2 @they ~2 come|comes|find|finds", true, &[]),
    ("@fear ~2 him|her", true, &[]),
    ("not ~1 safe", false, &["@neg ~2 feel|felt ~1 not"]),
    ("unsafe", false, &[]),
    ("walk|walking ~2 on ~1 eggshells", false, &[]),
    ("hide|hiding|hid ~3 from ~1 @them", false, &[]),
    (
        "@they ~3 scare|scares|scared|frighten|frightens|terrify|terrifies ~1 me",
        false,
        &[],
    ),
    ("lock|locked ~3 myself|door|bathroom", false, &[]),
];

/// Thoughts of not living or of self-harm. Never negatable: "I don't want
/// to hurt myself, but the thought came" is heard.
const NOT_LIVING: &[RuleSpec] = &[
    (
        "kill|hurt|harm|cut|cutting|punish|burn|starve ~1 myself",
        false,
        &[],
    ),
    ("self ~1 harm", false, &[]),
    ("suicid|suicide|suicidal|overdose|od", false, &[]),
    (
        "not|no ~2 want ~3 be|stay ~2 alive|here|around|living|anymore|exist",
        false,
        &[],
    ),
    ("not ~2 want ~2 live|exist|wake|go", false, &[]),
    ("want|wish|rather|better ~4 die|dead|gone", false, &[]),
    ("want ~2 to ~1 die", false, &[]),
    ("wish ~4 not|never ~2 wake|born|exist|here", false, &[]),
    ("better ~1 off ~2 without ~1 me", false, &[]),
    ("better ~1 off ~4 if ~2 gone|dead|not|was|were", false, &[]),
    (
        "no|not|nothing ~2 point ~4 go|going|living|anymore|anything|trying|carrying|being",
        false,
        &[],
    ),
    ("no ~1 reason ~2 live|living|go|going|stay", false, &[]),
    ("nothing ~2 live ~1 for", false, &[]),
    ("disappear|vanish ~3 forever|permanently|good", false, &[]),
    (
        "take|took|swallow|swallowed|taking ~3 pill|pills|tablets|tablet|painkillers|sleeping",
        false,
        &[],
    ),
    ("end ~1 it ~1 all", false, &[]),
    (
        "end ~2 it",
        false,
        &["end ~2 it ~2 with ~1 @them", "end ~1 it ~1 there"],
    ),
    ("end ~2 my ~1 life", false, &[]),
    ("end ~1 everything", false, &[]),
    ("can ~1 not ~1 go ~1 on", false, &[]),
    ("can ~1 not ~1 keep ~1 going", false, &[]),
    ("sleep ~2 forever|never", false, &[]),
    ("never ~1 wake ~1 up", false, &[]),
    ("jump ~3 off|bridge|train|building", false, &[]),
    ("step ~2 in ~2 front ~2 train|bus|car", false, &[]),
    (
        "not ~1 be ~1 here ~2 tomorrow|anymore|much|long",
        false,
        &[],
    ),
    ("everyone|everybody|they|kids ~3 better ~1 off", false, &[]),
    ("give ~1 up ~1 on ~1 life|living|everything", false, &[]),
    (
        "die|dying|dead",
        false,
        &[
            "dying ~1 to",
            "die ~1 for",
            "dead ~1 tired|battery|end|phone",
            "phone ~2 died|dead",
            "battery ~2 died|dead",
        ],
    ),
];

/// Danger words heard with too little around them: shown anyway.
const UNSURE: &[RuleSpec] = &[("hurt|hit|kill|killed|kills|strangl|choke|choked|weapon|knife|gun|police|999|911|bleeding|blood|injured|injury|hospital", false, &[
    "hurt ~1 my ~1 knee|back|leg|foot|ankle|wrist|shoulder|neck|arm|hand|head|finger|toe",
    "my ~1 knee|back|leg|foot|ankle|wrist|shoulder|neck|arm|hand|head ~2 hurt",
    "kill|killed|kills|killing ~1 it|time|me",
    "this|that|the|it|song|heat|commute|traffic|wait|waiting|queue|work|job|day ~3 kill|killing|kills|killed",
    "hit ~1 the|a|send|snooze|play|pause|record|reply|back|it|up|rock|road|gym|target|wall|jackpot|spot|mark|button|pub|shops|town|bed|hay|sack|pillow|ground|books",
    "hit ~2 home|hard|different",
    "it|that|this|reality|realization|realisation|truth|song|wave|memory|what|then|finally ~3 hit",
    "hit ~1 and ~1 miss",
    "@neg ~1 hurt",
    "hurt ~1 my ~1 feelings",
    "feelings ~1 hurt|=were",
    "hospital ~3 appointment|visit|checkup|scan|mum|mom|dad|nan|gran|grandma|grandad",
    "police ~1 show|drama|film|programme|program",
    "blood ~1 test|tests|pressure|donation|orange",
    "knife ~2 fork|bread|butter|chop|chopping|kitchen|onion",
])];

const REACH_OUT: &[RuleSpec] = &[
    ("@reach ~3 @them", false, &[
        "@they ~3 =texted|called|rang|emailed|messaged|wrote|phoned ~1 me",
        "tell|told ~2 him|her|them ~2 about ~2 my|the ~1 friend|work",
    ]),
    ("reach ~1 out", false, &[]),
    ("get|got|getting ~1 in ~1 touch", false, &[]),
    ("go|going|went|drive|driving|drove|walk|walking|turn|turning|show|showing|head|heading|pop|popping ~2 over|round|around|past|by|up|to ~3 @place", false, &[]),
    ("drive|drove|driving|walk|walked|walking ~2 past|by", false, &[]),
    ("go|going|went|get|got|drive|drove ~4 over|round ~1 there", false, &[]),
    ("turn|turning|show|showing ~1 up", false, &[]),
    ("hit ~1 send", false, &[]),
    ("press|pressed|pressing ~1 send", false, &[]),
    ("send|sending ~3 text|message|email|letter|voice|dm|it", false, &[]),
    ("like|liking|comment|commenting|react|reacting|heart|hearting ~3 @post", false, &[]),
    ("talk|talking ~3 it ~1 out", false, &[]),
    ("unblock|unblocked|unblocking", false, &[]),
    ("@want ~4 hear ~2 @them ~1 voice", false, &[]),
    ("@want ~5 @reach", true, &[]),
    ("so|he|she|they ~2 notice|notices|notices|see|sees ~1 me", false, &[]),
    ("draft|drafted|drafting|typed|typing|wrote|writing ~4 text|message|email|letter", false, &[]),
];

const SETBACK: &[RuleSpec] = &[
    ("cave|caved|caving", false, &[]),
    ("=gave|give|giving ~1 in", false, &["not ~3 give ~1 in", "@neg ~2 =gave ~1 in"]),
    ("broke|break ~1 down ~3 and ~2 =called|texted|rang|messaged|emailed|phoned|went|begged", false, &[]),
    ("=begged|begging|pleaded|pleading", false, &["not ~2 =begged"]),
    ("i ~3 =called|texted|rang|messaged|emailed|phoned|dmed|facetimed|snapchatted|whatsapped|sent|wrote|went|drove|turned|showed ~3 @them|up|over|round|past|door|message|text|email|letter", true, &[
        "almost|nearly|want|wanted|tempt|tempted|thought|close ~4 =called|texted|rang|messaged|emailed|phoned|sent|wrote|went|drove|turned|showed",
        "*head|mind|notes|diary|journal|draft|drafted",
    ]),
    ("=showed|turned ~1 up ~3 @place", false, &[]),
    ("=sent ~3 long|another|drunk|angry|paragraph|essay", false, &[]),
    ("drunk ~2 =texted|called|rang|dialled|dialed", false, &[]),
    ("=blew|broke|ruined|slipped|relapsed|messed|screwed", false, &["@neg ~2 =blew|broke|slipped"]),
    ("=undid|undone ~2 all|everything", false, &[]),
];

const THEY_REACHED_OUT: &[RuleSpec] = &[
    ("@they ~3 =texted|called|rang|emailed|messaged|phoned|wrote|dmed|facetimed|snapchatted|whatsapped|replied|answered|sent|liked|commented|reached|contacted|asked|invited|visited|rung", false, &[
        "i ~2 =texted|called|rang|emailed|messaged|phoned|wrote|sent",
        "@neg ~2 =texted|called|rang|emailed|messaged|phoned|wrote|sent|replied",
        "=asked ~2 for ~1 space",
    ]),
    ("@they ~3 =dropped|came|popped|stopped|turned|showed ~1 by|round|over|up", false, &[]),
    ("=text|message|call|email|letter|voicemail|dm|card|missed ~3 from ~1 @them", false, &[]),
    ("heard|hear ~1 from ~1 @them", false, &["not ~4 heard", "@want ~4 hear", "wait|waiting ~4 hear"]),
    ("@they ~3 =got ~1 in ~1 touch", false, &[]),
    ("@they ~3 =reached ~1 out", false, &[]),
    ("=out ~1 of ~1 the ~1 blue", false, &[]),
];

/// A practical matter: a topic and a word of contact or of the partner.
const PRACTICAL: &[RuleSpec] = &[("@practical", false, &[])];
const CONTACT_WORDS: &[RuleSpec] = &[
    ("@reach|had|have|need|needed|must|sort|sorted|arrange|arranged|organise|organize|discuss|discussed|pick|picked|drop|dropped|swap|handover|collect|collected|pay|paid|split|sign|signed|about|regarding|coparent|co|logistics|practical", false, &[]),
    ("@them|@they", false, &[]),
];

const WAITING: &[RuleSpec] = &[
    ("check|checked|checking|refresh|refreshed|refreshing|stare|stared|staring|look|looked|looking ~3 phone|instagram|facebook|whatsapp|insta|profile|page|messages|email|inbox|online|seen|story|stories|socials|snapchat|twitter|tiktok|notifications", false, &[]),
    ("last ~1 seen", false, &[]),
    ("read ~1 receipt|receipts", false, &[]),
    ("=online", false, &[]),
    ("wait|waiting|waited ~4 @them|for|hear|reply|message|call|text|phone|ring|word|sign|anything", false, &[]),
    ("=waiting", false, &[]),
    ("not ~3 =heard|replied|answered|texted|called|messaged|rung|rang", false, &[]),
    ("no|nothing ~2 reply|word|message|text|call|response|answer", false, &[]),
    ("nothing ~2 from ~1 @them", false, &[]),
    ("hear ~1 from ~1 @them", false, &[]),
    ("silence|quiet|silent", false, &["quiet ~1 day|night|evening|weekend|morning|walk|coffee|time|house"]),
    ("every ~1 time ~3 phone ~2 buzz|buzzed|buzzes|ping|pinged|rings|rang|goes|went", false, &[]),
    ("phone ~2 buzz|buzzed|buzzes|ping|pinged|face|down", false, &[]),
    ("stalk|stalked|stalking|lurk|lurking|scroll|scrolled|scrolling", false, &[]),
    ("jump|jumped|jumping ~3 every|whenever|when|phone", false, &[]),
];

const LONELY: &[RuleSpec] = &[
    ("lonely|lonelier|loneliness|isolated|isolation|isolate|alone|lonesome", false, &[
        "alone ~1 time",
        "on ~1 my ~1 own ~1 for",
        "leave ~1 me ~1 alone",
        "left ~1 alone",
        "not ~2 alone",
    ]),
    ("nobody|noone|one ~3 talk|call|text|ring|understand|understands|care|cares|there|listen|listens", false, &[]),
    ("no ~1 one ~3 talk|call|text|ring|understand|understands|care|cares|listen|listens|there", false, &[]),
    ("empty ~1 house|flat|bed|home|room|apartment", false, &[]),
    ("house|flat|home|bed|apartment ~3 empty|quiet|silent|echo", false, &["quiet ~1 night|evening"]),
    ("all ~1 by ~1 myself", false, &[]),
    ("on ~1 my ~1 own", false, &["on ~1 my ~1 own ~1 for"]),
    ("no ~1 friend|friends|company|people", false, &[]),
    ("miss|missing ~2 having ~2 someone|somebody|company|people", false, &[]),
    ("not ~3 spoke|spoken|talked|seen ~2 anyone|anybody", false, &[]),
    ("shut ~1 myself ~1 away|in", false, &[]),
    ("cut ~1 off ~2 from|everyone", false, &[]),
];

const WITH_PEOPLE: &[RuleSpec] = &[
    ("with|saw|see|seeing|visit|visited|called|rang|texted|met|meet|lunch|dinner|coffee|drinks|pub|walk|film|movie ~4 friend|friends|sister|brother|mom|dad|parents|family|mate|mates|neighbour|neighbor|cousin|aunt|uncle|gran|nan|colleague|colleagues|team|group|people|book|choir|church|club|everyone", false, &[]),
    ("friend|friends|sister|brother|mom|dad|parents|family|mate|mates|neighbour|neighbor|cousin|aunt|uncle|gran|nan ~4 =came|over|round|visited|called|rang|took|invited|made|cooked|brought|stayed|dropped|looked", false, &[]),
];

const ANGRY: &[RuleSpec] = &[
    (
        "@angry",
        true,
        &[
            "mad ~1 about ~2 the|this|that ~1 film|show|book|song",
            "hate ~1 the ~1 rain|traffic|weather|cold|heat|mondays",
        ],
    ),
    ("so ~1 =done ~1 with", false, &[]),
    ("how ~1 dare ~1 he|she|they", false, &[]),
    ("sick ~2 of ~2 @them|it|this|everything", false, &[]),
    (
        "want|wanted ~2 to ~1 scream|shout|yell|smash|throw|punch",
        false,
        &[],
    ),
    (
        "=screamed|yelled|shouted|swore ~2 into|at ~2 pillow|car|sky|wall|nobody|nothing",
        false,
        &[],
    ),
    ("unfair|furious", false, &[]),
];

const GOOD_DAY: &[RuleSpec] = &[
    ("good|great|lovely|nice|better|best|calm|peaceful|decent|brilliant|wonderful|fantastic ~1 day|morning|evening|week|weekend|night|sleep", true, &[]),
    ("felt|feel|feeling ~2 good|great|better|strong|stronger|lighter|proud|calm|happy|hopeful|okay|ok|fine|alive|myself|capable|content|peaceful", true, &[]),
    ("proud ~2 of ~1 myself", false, &[]),
    ("gym|run|ran|running|jog|jogged|swim|swam|swimming|yoga|pilates|cycle|cycled|bike|hike|hiked|walk|walked|workout|exercise|class|lesson|dance|danced|paint|painted|painting|garden|gardening|bake|baked|cook|cooked|read|reading|book|bath|meditate|meditated|journal|therapy|therapist|counsellor|counselor|haircut|massage|sauna|guitar|piano|knit|knitted|pottery|sketch|sketched", false, &[]),
    ("treated ~1 myself", false, &[]),
    ("enjoy|enjoyed|laugh|laughed|smile|smiled|joy|fun|sunshine|sunset|sunrise|beautiful|grateful|gratitude|thankful", true, &[]),
    ("killed ~1 it", false, &[]),
    ("nailed ~1 it", false, &[]),
    ("hit ~1 the ~1 gym", false, &[]),
];

/// The rule groups, in the order of [`GROUPS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(usize)]
enum Group {
    Harmed,
    NotLiving,
    Threatened,
    Afraid,
    Unsure,
    ReachOut,
    Setback,
    TheyReachedOut,
    Practical,
    ContactWords,
    Waiting,
    Lonely,
    WithPeople,
    Angry,
    GoodDay,
}

const GROUPS: [(Group, &[RuleSpec]); 15] = [
    (Group::Harmed, HARMED),
    (Group::NotLiving, NOT_LIVING),
    (Group::Threatened, THREATENED),
    (Group::Afraid, AFRAID),
    (Group::Unsure, UNSURE),
    (Group::ReachOut, REACH_OUT),
    (Group::Setback, SETBACK),
    (Group::TheyReachedOut, THEY_REACHED_OUT),
    (Group::Practical, PRACTICAL),
    (Group::ContactWords, CONTACT_WORDS),
    (Group::Waiting, WAITING),
    (Group::Lonely, LONELY),
    (Group::WithPeople, WITH_PEOPLE),
    (Group::Angry, ANGRY),
    (Group::GoodDay, GOOD_DAY),
];

/// Every rule, and an index from the words a rule can start with to the
/// rule, so a page is read in one pass over its words rather than one pass
/// per rule.
struct Rules {
    rules: Vec<(Group, Rule)>,
    by_stem: HashMap<String, Vec<usize>>,
    by_raw: HashMap<String, Vec<usize>>,
    vocabulary: Vocabulary,
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let classes: HashMap<&str, &str> = CLASSES.iter().copied().collect();
    let mut rules = Vec::new();
    for (group, specs) in GROUPS {
        for (p, negatable, unless) in specs {
            let rule = Rule {
                pattern: parse(p, &classes),
                negatable: *negatable,
                unless: unless
                    .iter()
                    .map(|u| match u.strip_prefix('*') {
                        Some(anywhere) => (parse(anywhere, &classes), true),
                        None => (parse(u, &classes), false),
                    })
                    .collect(),
            };
            rules.push((group, rule));
        }
    }
    let (mut by_stem, mut by_raw) = (HashMap::new(), HashMap::new());
    for (i, (_, rule)) in rules.iter().enumerate() {
        for alt in &rule.pattern.0[0].alts {
            let (map, key) = match alt {
                Alt::Stem(s) => (&mut by_stem, s),
                Alt::Raw(r) => (&mut by_raw, r),
            };
            let list: &mut Vec<usize> = map.entry(key.clone()).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    Rules {
        rules,
        by_stem,
        by_raw,
        vocabulary: Vocabulary::new(TYPO_TARGETS.iter().copied()),
    }
});

/// The words of danger a slip of the keyboard is read as.
const TYPO_TARGETS: &[&str] = &[
    "afraid",
    "scared",
    "terrified",
    "frightened",
    "petrified",
    "strangled",
    "strangle",
    "choked",
    "choke",
    "punched",
    "slapped",
    "kicked",
    "shoved",
    "bruises",
    "bruised",
    "suicide",
    "suicidal",
    "overdose",
    "threatened",
    "threatening",
    "pills",
    "tablets",
    "alive",
    "anymore",
    "myself",
    "killed",
    "hurting",
    "violent",
    "abusive",
    "unsafe",
    "want",
    "wake",
    "dead",
    "die",
    "point",
    "living",
    "disappear",
    "forever",
    "going",
    "without",
    "better",
    "regret",
    "grabbed",
    "pushed",
    "because",
    "really",
    "definitely",
];

/// The words of a page, normalized the way the rules read them.
pub(crate) fn page_words(text: &str) -> Vec<Word> {
    words(text, &RULES.vocabulary)
}

impl Rule {
    /// Does the rule hear something starting at `start`?
    fn hears_at(&self, ws: &[Word], start: usize) -> bool {
        let Some(end) = self.pattern.rest(ws, 1, start) else {
            return false;
        };
        let negated = self.negatable
            && ws[start.saturating_sub(3)..start]
                .iter()
                .any(|w| matches!(w.raw.as_str(), "not" | "never" | "no"));
        let other_sense = self.unless.iter().any(|(u, anywhere)| {
            u.spans(ws)
                .into_iter()
                .any(|(s, e)| *anywhere || (s <= end && e >= start))
        });
        !negated && !other_sense
    }
}

/// Which groups hear something in one sentence.
fn heard_groups(ws: &[Word]) -> [bool; GROUPS.len()] {
    let r = &*RULES;
    let mut heard = [false; GROUPS.len()];
    for (start, w) in ws.iter().enumerate() {
        let candidates = r
            .by_stem
            .get(&w.stem)
            .into_iter()
            .chain(r.by_raw.get(&w.raw))
            .flatten();
        for &i in candidates {
            let (group, rule) = &r.rules[i];
            if !heard[*group as usize] && rule.hears_at(ws, start) {
                heard[*group as usize] = true;
            }
        }
    }
    heard
}

/// What a page says, heard sentence by sentence (a "not" in one sentence
/// never undoes the next), and the stems of all its words.
pub(crate) fn read_signals(text: &str) -> (Signals, HashSet<String>) {
    let mut s = Signals::default();
    let mut stems = HashSet::new();
    for sentence in text.split(['.', '!', '?', ';', '\n']) {
        let ws = page_words(sentence);
        if ws.is_empty() {
            continue;
        }
        let g = heard_groups(&ws);
        let has = |group: Group| g[group as usize];
        let danger = [
            (Group::Harmed, Danger::Harmed),
            (Group::NotLiving, Danger::NotLiving),
            (Group::Threatened, Danger::Threatened),
            (Group::Afraid, Danger::Afraid),
            (Group::Unsure, Danger::Unsure),
        ]
        .into_iter()
        .find(|(group, _)| has(*group))
        .map(|(_, d)| d);
        // The clearest danger heard anywhere on the page is the one named.
        s.danger = match (s.danger, danger) {
            (None, d) | (Some(Danger::Unsure), d @ Some(_)) => d,
            (d, _) => d,
        };
        s.setback |= has(Group::Setback);
        s.they_reached_out |= has(Group::TheyReachedOut);
        s.wants_to_reach_out |= has(Group::ReachOut);
        s.necessary |= has(Group::Practical) && has(Group::ContactWords);
        s.waiting |= has(Group::Waiting);
        s.lonely |= has(Group::Lonely);
        s.with_people |= has(Group::WithPeople);
        s.angry |= has(Group::Angry);
        s.good_day |= has(Group::GoodDay);
        stems.extend(ws.into_iter().map(|w| w.stem));
    }
    (s, stems)
}
