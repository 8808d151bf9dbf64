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
pub(super) const CLASSES: &[(&str, &str)] = &[
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
    // People other than the partner, so "I called my sister and told her"
    // is not heard as reaching out.
    (
        "others",
        "mum|mom|dad|sister|brother|friend|friends|boss|colleague|daughter|son|nan|gran|aunt|uncle|cousin|neighbour|neighbor|therapist|doctor|teacher|landlord|landlady|manager|client|mate|bestie|counsellor|counselor|niece|nephew|grandma|grandad|sis|bro",
    ),
    ("neg", "not|never|no"),
    // Harm that needs no one named: "punched me", "choked me".
    (
        "strike",
        "slap|punch|kick|shove|choke|strangle|strangled|throttle|smack|headbutt|beat|thump|stamp|elbow|headlock",
    ),
    // Harm that does, to tell it from "grab me a coffee".
    (
        "force",
        "hit|push|grab|hurt|shake|shook|drag|dragged|pin|pinned|bite|scratch|slam|attack|restrain|trap|corner|cornered|squeeze|twist|yank|spat|spit|burn|kick",
    ),
    ("fear", "afraid|scared|terrified|frightened|petrified|fear|scare|dread"),
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
        "kid|kids|child|children|son|daughter|baby|school|nursery|pickup|custody|money|mortgage|bill|bills|rent|house|pet|pets|dog|cat|vet|doctor|insurance|car|bank|account|tax|taxes|lawyer|solicitor|mediator|council|boiler|lease|loan|payment|paperwork|form|forms|dentist|appointment|birthday|handover|maintenance|utilities|electric|gas|water|broadband|internet|contract|bin|repairs|plumber|landlord|landlady|inspection|inspect|deposit|alarm|leak|heating|teacher|teachers|homework|uniform|keys|parcel|post|licence|license|court|divorce|papers|gp|surgery|prescription|medication|childcare|babysitter|passport|passports|mot|finances|savings|pension|debit|energy|wifi|storage|furniture|belongings|holiday|mediation|coparent|parenting",
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
    /// The pattern as written, to explain what was heard.
    source: &'static str,
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
    ("@strike ~2 @me", false, &["beat ~4 at ~1 chess|cards|scrabble|dominoes|monopoly|pool|darts|tennis|squash|golf|poker|badminton|snooker|bowling|cribbage", "beat ~2 my ~1 pb|record|time|best|personal", "smack|smacked|bang|banged|stub|stubbed|bash|bashed|hit|kick|kicked|thump|thumped ~1 my ~1 shin|knee|head|toe|elbow|leg|foot|hand|arm|funny|thumb|finger", 
        "=kick ~1 off", "=kicked ~1 off",
        "dog|cat|puppy|kitten|toddler|baby|crowd|wind|horse|nephew|niece|waves ~1 @strike",
        "beat ~2 me ~2 at|to|in", "beat|beating|kick|kicking|kicked ~1 myself",
        "choke|choked|choking ~1 on|up|back",
    ]),
    ("@they ~4 @force ~4 @me|wheel|steering|hair|throat|neck|wrist|arm|face|collar|shoulders", false, &["=slammed ~1 the ~1 phone ~1 down ~1 on ~1 me", 
        "@neg ~2 hurt|hit|push|grab|harm ~1 me",
        "@they ~4 hold ~1 my ~1 hand", "@they ~4 push ~2 me ~2 away",
        "push|pushed|pushing ~2 me ~1 to|into ~1 go|do|see|try|get|be|therapy",
        "grab|grabbed me a|some|lunch|coffee|one|drink|tea|dinner|breakfast|food|snack",
        "shook|shake ~2 my|his|her ~1 hand|hands|head",
        "hurt ~2 my|me ~1 feelings|pride",
        "twist|twisted ~2 my ~1 words",
        "dragged|drag ~2 me ~2 to|along|round|shopping", "dragged|drag ~2 me ~1 out ~1 for|to|shopping|drinking|dancing",
        "hit ~2 me ~1 up",
        "squeezed|squeeze ~2 my ~1 hand",
        "follow|followed me ~1 on ~2 instagram|insta|twitter|tiktok|facebook|socials|x|strava", "follow|followed me back", "*allergy|jab|vaccine|injection|phlebotomist"]),
    ("@they ~4 @strike", false, &["beat ~4 at ~1 chess|cards|scrabble|dominoes|monopoly|pool|darts|tennis|squash|golf|poker|badminton|snooker|bowling|cribbage", "@they ~4 @strike ~2 ball|football|door|wall|habit|it", "@strike ~1 whoever|anyone|anybody|someone|somebody|everyone"]),
    ("@they ~3 =came|come|comes|lunged|lunges|went|ran|charged ~1 at|for ~1 me", false, &[]),
    ("=threw|throw|thrown|hurl|hurled ~5 at ~1 me", false, &["toddler|baby|kid|kids|son|daughter|nephew|niece|dog|cat|child ~3 =threw|throw"]),
    ("lock|locked ~2 me ~2 out|in", false, &[]),
    ("lock|locked ~3 out ~2 house|flat|home|room", false, &["lock|locked ~1 myself"]),
    ("@they ~5 =took|take|taken|hid|hide|hidden|smash|smashed|broke|broken|snapped|grabbed|snatched|kept ~3 my ~1 phone|key|keys|passport|money|card|cards|wallet|purse|laptop|computer|ipad|tablet", false, &[]),
    ("bruis|bruise|bruises|bruised", false, &["=bruised|bruise ~2 banana|bananas|peach|peaches|apple|apples|fruit|pear|pears|avocado|feelings|heart|pride", "banana|bananas|peach|peaches|apple|apples|fruit|pear|pears|feelings|heart|pride ~3 =bruised|bruise", "=bruised ~1 his|her ~1 hip|knee|shin|leg|arm|elbow|toe|foot|ego|ribs", 
        "=bruised ~1 my ~1 knee|shin|leg|toe|elbow|hip|foot|ego|thumb|finger",
        "=bruised ~1 ego|banana|fruit|apple|pride",
        "my ~1 knee|shin|leg|toe|elbow|hip|foot|ego ~2 bruis", "*sparring|rugby|football|netball|hockey|kickboxing|boxing|training|match|gym|class|muay|karate|judo|taekwondo|paintball|fell|tripped|slipped|walked|banged|bumped"]),
    ("@they ~4 bruise|bruised|bruises", false, &[]),
    ("black ~1 eye", false, &["son|daughter|boy|girl|kids|nephew|niece|brother|sister|mate|friend ~3 got|has|had|gave ~2 black", "black ~1 eye ~4 rugby|football|boxing|sparring|match|cricket|hockey|netball|training|fight|game"]),
    ("split ~1 lip", false, &[]),
    // The stories told to explain an injury away ("told the dentist I fell").
    ("told|tell|telling|said|say|saying ~5 i ~2 fell|slipped|tripped|walked ~2 into|off|down|over", false, &[]),
    ("hand|hands|fingers|arm ~3 neck|throat", false, &[]),
    ("put ~1 his|her|their ~1 hands ~1 on ~1 me", false, &[]),
    ("raised ~1 his|her|their ~1 fist|hand ~2 to|at|against ~1 me", false, &[]),
    ("@they ~3 =abused|abuse|abusing|assaulted|attacked|raped|violent", false, &["@neg ~2 violent|abusive|abuse|violence|nasty"]),
    ("abuse|abusive|violent|violence|assault", false, &["monopoly|game|games|scrabble|cards|match|board ~2 got|gets|get ~1 violent", "@neg ~2 violent|abusive|abuse|violence", "violent|violence ~2 film|movie|game|show|book|scene|storm|video", "substance|drug|alcohol ~1 abuse"]),
    ("hurt ~1 me", false, &["it|that|this|song|film|word|words|comment|what|everything ~3 hurt ~1 me", "@neg ~2 hurt ~1 me"]),
    // "Promised he would never hurt me again": it happened before.
    ("never|not ~2 hurt|hit|touch|push|grab ~2 me ~2 again", false, &[]),
    ("hit ~1 me", false, &["news ~5 hit ~1 me", "it|that|this|reality|realization|realisation|truth|song|wave|memory|what ~3 hit ~1 me", "hit ~1 me ~1 up"]),
    ("push ~1 me ~2 down|over|into|against|onto|off|wall|stairs", false, &[]),
    ("held|hold|holding|pinned|pin ~2 me ~1 down|against", false, &[]),
    ("pulled|pull|pulling ~2 my ~1 hair", false, &["baby|toddler|daughter|son|kid|child|puppy|dog|cat|kitten|niece|nephew ~2 pulled|pull|pulling"]),
    ("@they ~4 =forced|made|make|makes ~2 me ~3 sex|sleep", false, &[]),
    ("=marks|mark ~2 on ~2 my ~1 arm|arms|neck|wrist|wrists|face|body|legs", false, &[]),
    ("@they ~4 =punched|kicked|smashed|hit|broke|threw|slammed ~3 wall|door|doors|plate|plates|glass|table|window|furniture|things|stuff|mirror", false, &[]),
    ("@they ~4 not ~1 let ~1 me ~2 leave|go|out|sleep|eat|call|phone|see", false, &[]),
    ("@they ~3 =blocked|blocking|stood|standing|stands ~4 door|doorway|exit|way", false, &[]),
    ("=came|lunged|charged ~1 at ~1 me", false, &[]),
    ("@they ~5 =took|takes|take|taken|hid|hides|hide|changed|changes|cut|cuts|keeps|kept|confiscated ~4 my|the ~2 keys|key|car|phone|sim|card|cards|passport|money|wages|wallet|purse|password|passwords|login|wifi|bank", false, &[]),
    ("not|never ~1 allowed ~1 to", false, &["not ~1 allowed ~1 to ~2 park|smoke|vape|swim|run|use|bring|take ~2 here|there|in|the|phones"]),
    ("=allowed|permission ~3 to ~2 buy|see|go|leave|drive|spend|eat|wear|work", false, &[]),
    ("ask|asked|asking ~1 permission", false, &[]),
    ("@they ~4 =makes|made|make|forces|forced ~1 me ~3 hand|sit|read|show|give|keep|stay|beg|apologise|apologize|wear|ask", false, &[]),
    ("@they ~4 =makes|made|make|forces|forced ~1 me ~1 =keep ~2 location", false, &[]),
    ("location ~1 sharing|tracking", false, &[]),
    ("spyware|stalkerware", false, &[]),
    ("@they ~6 tracker|tracking|gps|airtag", false, &["fitness|step|sleep|period|habit|parcel|order ~2 tracker|tracking"]),
    ("tracker|tracking|gps|airtag ~4 my|me ~1 phone|car|location|bag|movements", false, &["fitness|step|sleep|period|habit|parcel|order ~2 tracker|tracking"]),
    ("=app ~4 not|didnt ~2 install|installed", false, &[]),
    ("@they ~3 =always|somehow ~2 knows|knew ~2 where", false, &[]),
    ("@they ~3 =reads|listening|listens|listened|recording|records|watching|watches|checks ~1 this|me|my|everything", false, &[]),
    ("=pocket ~1 money", false, &[]),
    ("wont|not ~1 give ~1 me ~2 money|any", false, &[]),
    ("=concealer|makeup|sleeves|scarf|polo|sunglasses ~4 cover|hide|covering|hiding|again|july|summer", false, &[]),
    ("long ~1 sleeves ~3 again|july|august|summer|heat", false, &[]),
    ("told ~3 nurse|doctor|gp|mum|mom|teacher|everyone|them|her|him|people|work ~4 fell|fall|walked|door|cat|dog|netball|accident|clumsy", false, &[]),
    ("=scratches|scratch|marks|bruises|dent|cut|cuts ~4 =from ~2 the ~1 cat|dog|door", false, &[]),
    ("fell ~2 down ~2 stairs ~4 not|didnt", false, &[]),
    ("refuge|shelter", false, &["bus|rain|wildlife|animal|dog|cat ~2 shelter|refuge"]),
    ("bag ~1 packed ~4 in ~1 case|boot|get|out|leave|escape", false, &[]),
    ("=screaming|shouting|smash|smashed|thud|bang|crash ~6 neighbour|neighbours|neighbor|neighbors|heard", false, &[]),
    ("neighbour|neighbours|neighbor|neighbors ~4 heard|asked|called|knocked", false, &["asked ~4 parcel|parcels|package|garden|bins|ladder|borrow|plants|feed", "heard ~2 singing|music|party|laughing|dog|baby"]),
    ("@they ~4 =follows|followed|following|sits|sitting|sat|parked|waits|waiting|waited ~3 outside|down|me|my", false, &["=followed|follows ~1 me ~1 back", "=sat|sits|sitting ~1 with ~1 me", "@they ~4 =waiting ~3 for ~1 me ~2 at ~2 station|airport|school|cafe"]),
    ("his ~1 car ~3 parked|outside|down", false, &["outside ~1 the ~1 cinema|pub|shop|shops|supermarket|gym|restaurant|cafe|bar|theatre", ]),
    ("door ~2 off ~2 hinges", false, &[]),
    ("=recording|record|recorded ~3 shouting|him|her|arguments|threats", false, &[]),
    ("hid|hide|hiding ~3 in ~2 bathroom|bedroom|wardrobe|cupboard|car|shed", false, &[]),
    ("=hid|hide|hiding ~1 in ~1 the|my ~1 bathroom|bedroom|toilet", false, &[]),
    ("lie|lay|ducked|crouched ~4 so ~1 he|she|they ~2 =wouldnt|would|not|couldnt", false, &[]),
    ("=consequences", false, &[]),
    ("@they ~4 =rung|rang|called|texted|messaged ~2 30|40|50|20|100|thirty|forty|fifty|twenty|hundred|dozen|dozens ~2 times", false, &[]),
    ("knows ~2 which|where ~2 hotel|flat|house|address|street|i", false, &[]),
    ("@they ~4 =drove|drives|driving ~3 fast|fast ~3 scare", false, &[]),
    ("=scare|frighten|intimidate ~1 me", false, &["film|movie|book|story|ride|game ~4 scare|frighten"]),
    ("freeze|freezes|froze|frozen|tense|knot|shake|shaking|dread ~6 key|door|car|footsteps|home|drive", false, &["freezer|frozen ~1 peas|food|pizza|lake"]),
    ("@they ~3 =says|said ~3 tell ~2 everyone|work|family", false, &[]),
    ("=changed ~1 the ~1 locks", false, &[]),
    ("locks ~1 changed", false, &[]),
    ("@they ~4 =only ~2 one ~2 with ~2 key|spare", false, &[]),
    ("feel|felt ~1 safe ~1 at ~1 home", false, &[]),
    ("=threw|throw|thrown|smashed ~3 my ~1 phone|laptop|things|stuff|plate|glass ~3 at|across|against", false, &[]),
    ("@they ~2 =always ~1 listening|watching|checking|monitoring", false, &[]),
    ("@they ~3 going|goes|went|gone ~2 through ~2 my|the ~1 bins|bag|phone|things|receipts|drawers|post", false, &["i ~3 going|went ~2 through"]),
    ("@they ~4 =says|said ~8 tell ~2 everyone|work|family|people", false, &[]),
    // Harm in more of the words people use for it: written from the danger
    // in the fifth and sixth tuning sets (and the unseen sets' unmeasured
    // halves) that no pattern heard, each checked against every ordinary
    // tuning sentence.
    ("=threw|throw|thrown|chucked|chuck|flung|fling|hurled|lobbed ~2 me ~2 onto|into|against|across|down|through", false, &["into ~1 a ~1 panic|spin|tailspin|mess|chaos|loop|frenzy|confusion|state"]),
    ("=threw|throw|thrown|chucked|chuck|flung|hurled|lobbed ~5 at ~1 my ~1 head|face|back|chest|legs|feet|body", false, &["*snowball|snowballs|pillow|pillows|confetti|rice|balloon|balloons|sponge|sponges"]),
    ("=dragged|dragging|drag|pulled|yanked|yanking|hauled ~4 by ~1 my ~1 hair|throat|neck|arm|arms|hoodie|collar|wrist|leg|legs|ankle|clothes|top|shirt", false, &["son|daughter|kid|kids|toddler|child|nephew|niece|dog|puppy|baby ~3 =dragged|dragging|pulled|yanked|yanking"]),
    ("=headbutted|headbutt|headbutts|headbutting|backhanded|backhand|strangled|throttled ~1 me|my", false, &["baby|toddler|dog|puppy|cat|kitten|son|daughter|nephew|niece|kid|kids|child ~4 =headbutted"]),
    ("@they ~3 =pinched|bit|bites|tripped|kneed|spat ~1 me|my", false, &["baby|toddler|dog|puppy|cat|kitten|son|daughter|nephew|niece|kid|kids|child ~4 =bit|bites|pinched|tripped|spat"]),
    ("@force|@strike|=threw ~2 me ~2 so ~1 hard", false, &["it|that|this|reality|realisation|realization|truth|what|grief|news|song|memory ~3 hit|hits", "pushed|push|pushes ~2 me ~2 so ~1 hard ~1 to"]),
    ("=grabbed|grabs ~1 my ~1 face|throat|neck|hair|jaw|chin", false, &["baby|toddler|son|daughter|nephew|niece|kid|child ~3 =grabbed|grabs"]),
    ("pinched|pinches ~4 my ~1 arm|arms|leg|legs|skin ~2 until|till|so|hard", false, &[]),
    ("bent|bend|bends|twisted|twists ~2 my ~1 fingers|finger|arm|wrist|thumb ~1 back", false, &[]),
    ("knelt|kneel|kneeling|kneels|sat|sits|sitting ~2 on ~1 my ~1 chest|back|neck|throat", false, &["cat|dog|kitten|puppy|baby|toddler|son|daughter|kid|kids ~3 knelt|kneel|sat|sits|sitting"]),
    ("held|holds|pinned ~2 me ~2 there|still ~2 with ~2 his|her|their ~1 knee|knees|weight|arm", false, &[]),
    ("crushed|crush|crushes|crushing|squeezed|squeezes ~2 my ~1 fingers|hand|wrist|arm|face|throat|neck ~3 until|till|so", false, &["squeezed|squeezes|squeezing ~2 my ~1 hand"]),
    ("@they ~3 =rubbed|rubs|pushed|shoved|held|pressed ~2 my ~1 face ~2 in|into|against", false, &[]),
    ("tied|tie|ties|taped ~2 my ~1 hands|wrists|feet|arms", false, &["*boxing|gym|climbing|training|sparring|class|physio|sprain|sprained"]),
    ("round|around ~2 my ~1 neck|throat", false, &["scarf|necklace|chain|arms|arm|lanyard|towel|pillow|collar|tie|cat|kitten|snake ~3 round|around ~2 my ~1 neck"]),
    ("stabbed|stab|stabs ~4 next ~1 to ~1 my", false, &[]),
    ("=braked|brakes|swerved|swerves ~3 on ~1 purpose", false, &[]),
    ("mark|marks ~4 he|she|they ~1 left|leaves", false, &["*table|carpet|floor|sofa|paint|pen|crayon|crayons|wall|walls|mud|muddy"]),
    ("marks|mark ~2 from ~2 the|his|her|their ~1 belt|hands|fingers|ring|fist", false, &[]),
    ("makeup|concealer|foundation ~3 on|over ~2 my ~1 wrists|wrist|arms|arm|neck|bruise|bruises|marks", false, &[]),
    ("made|make|making ~1 up ~1 a ~1 story|excuse ~4 mark|marks|cheek|eye|arm|wrist|neck|face|bruise", false, &[]),
    ("mark|marks ~5 made|make ~1 up ~1 a ~1 story|excuse", false, &[]),
    ("said|say|told|tell ~2 i ~2 slipped|fell|tripped ~2 on", false, &["=slipped|fell|tripped ~4 and ~2 laughed"]),
    ("called ~1 it ~1 an ~1 accident", false, &[]),
    ("just|only ~1 a ~1 slap|smack|shove|push", false, &[]),
    ("deserved ~3 the|a|that ~1 slap|smack|hit|punch|beating|shove|kick", false, &[]),
    ("gets|got|getting ~1 a ~1 bit ~1 rough ~3 when|after ~3 drink|drunk|drinking|had", false, &[]),
    ("rough ~1 play ~3 too ~1 far", false, &[]),
    ("@they ~2 =threw|chucked|hurled|flung ~1 the|a ~1 iron|kettle|plate|glass|bottle|chair|mug|ashtray ~3 missed|me|at", false, &[]),
    ("=threw|chucked|hurled ~2 a|the ~1 bottle|glass|plate|mug ~2 at ~1 my", false, &[]),
    ("went|goes|go ~2 for ~1 my ~1 neck|throat|face|eyes", false, &[]),
    ("@they ~3 =pressured|pressures|forced|forces|made ~1 me ~2 into ~1 sex|sleeping|having", false, &[]),
    ("threw|throws|thrown|kicked ~2 me ~1 out ~5 pyjamas|pajamas|night|2am|3am|rain|cold|dark|midnight", false, &[]),
    ("clipped|clip|clips ~1 me ~2 round|around|across|on ~2 the ~1 head|ear|face", false, &[]),
    ("pulled|pull|pulls|ripped|yanked ~2 my ~1 hair", false, &["i ~3 pull|pulling|pulled|rip|ripping|tear|tearing ~2 my ~1 hair", "pulled ~2 my ~1 hair ~2 back|up|into|out ~1 of ~1 my ~1 face|eyes", "hair ~1 tie|band|bobble|clip|brush|up|back|into", "baby|toddler|son|daughter|kid|kids|child|nephew|niece|cat|dog|puppy|kitten|hairdresser ~3 pulled|pull|pulls|yanked"]),
    ("where ~1 he|she|they ~2 =pulled|ripped ~2 it ~1 out", false, &[]),
    ("@they ~4 =put|held|holds|pressed|pushed ~3 pillow|hand|hands ~2 over ~1 my ~1 face|mouth|nose", false, &[]),
    ("=dragged|dragging|drag|yanked|pulled ~2 me ~2 by ~1 the ~1 ankle|ankles|hair|arm|arms|leg|legs|neck|throat|collar", false, &["son|daughter|kid|kids|toddler|child|nephew|niece|dog|puppy|baby ~3 =dragged|dragging|pulled|yanked"]),
    ("=knocked|smacked|slapped ~3 off ~1 my ~1 face|head", false, &["baby|toddler|son|daughter|kid|kids|child|dog|cat|puppy|wind|branch ~3 =knocked|smacked|slapped"]),
    ("where ~1 my ~1 shoulder|head|back|body|face ~1 went|hit ~2 into", false, &[]),
    ("his|her|their ~1 fingermarks|fingerprints|handprint|handprints", false, &[]),
    ("fingermarks", false, &[]),
    ("finger|hand ~1 marks|mark|prints ~2 on ~1 my ~1 arm|arms|neck|wrist|wrists|throat|face|skin|leg|legs|cheek", false, &[]),
    ("couples ~3 push|shove|hit ~1 each ~1 other", false, &[]),
    ("not ~1 know ~1 his|her|their ~1 own ~1 strength", false, &[]),
    ("good ~1 man|woman|person ~2 with ~1 a ~1 bad ~1 temper", false, &[]),
    ("my ~1 fault ~6 temper", false, &[]),
    ("deserved ~1 it ~3 mouthing|answered|answer|back|lip", false, &[]),
    ("big ~1 deal ~2 out ~1 of ~1 a ~1 push|shove|slap", false, &[]),
    ("rape|raped|raping", false, &["rape ~1 seed|oil|field|fields|culture"]),
    ("no ~1 means ~1 try", false, &[]),
    ("duty ~2 as ~1 his|her ~1 wife|husband", false, &[]),
    ("drunk ~2 so ~1 i ~1 wont|will|would|not|cannot|cant ~2 argue|say|fight|resist", false, &[]),
    ("so ~1 i ~1 =stopped ~1 saying ~1 no", false, &[]),
    ("not ~1 abuse ~2 he|she|they ~1 is|are|was ~1 just", false, &[]),
    ("clump|chunk|handful ~2 of ~1 my ~1 hair", false, &[]),
    ("=flung|threw|chucked|hurled ~3 hot ~1 tea|coffee|water|soup ~2 at|over", false, &[]),
    ("outline|imprint|print|shape ~2 of ~1 his|her|their ~1 ring|hand|fingers|fist|belt", false, &[]),
    ("ringing|hurts|sore|aches ~3 since|where ~1 he|she|they ~1 =hit|twisted|grabbed|kicked|punched|slapped|pushed|squeezed|bit", false, &[]),
    ("against ~1 my ~1 will", false, &[]),
    ("the ~1 marks ~2 will ~1 fade", false, &[]),
    ("only ~1 gets ~1 rough ~1 with ~1 me", false, &[]),
    ("gets|got|getting ~1 rough ~1 with ~1 me", false, &[]),
    ("not ~1 break ~1 anything ~2 this ~1 time", false, &[]),
    ("he|she|they ~1 =pushed|shoved ~1 and ~1 i ~1 fell", false, &[]),
    ("=kicked ~1 the ~1 door ~1 in", false, &[]),
    ("drove|drive|drives|driving ~1 at ~1 me", false, &[]),
    ("drove|drives ~1 off ~1 with ~1 me ~2 half ~1 out", false, &[]),
    ("@they ~3 =smashed|destroyed|broke|ripped|burned|burnt ~2 my ~1 presents|guitar|things|clothes|stuff|photos|drawings|laptop", false, &[]),
    ("@they ~3 =smashed|destroyed|broke|ripped|burned|burnt ~3 just ~1 to ~1 show ~1 me", false, &[]),
    ("just ~1 to ~1 show ~1 me ~1 he|she|they ~1 could", false, &[]),
    ("grabbed ~1 me ~1 by ~1 the ~1 arm|wrist|throat|neck|hair|collar", false, &[]),
    ("lie ~2 still ~3 wait ~3 to ~1 be ~1 over", false, &[]),
    ("limping|limp ~5 told ~2 it ~1 was", false, &[]),
    ("turtleneck|turtle|polo ~1 neck ~3 in ~1 july|august|june|summer|heatwave", false, &[]),
    ("sunglasses ~2 indoors|inside ~3 because ~2 my ~1 eye", false, &[]),
    ("asked ~2 about ~1 my ~1 eye ~3 pretended", false, &[]),
];

const THREATENED: &[RuleSpec] = &[
    ("make ~2 sure ~3 regret", false, &[]),
    ("=regret ~1 it", false, &["=regret ~1 it ~1 already", "i ~3 =regret|regretted"]),
    ("@they ~3 =said|says|told|tells|warned ~5 regret|sorry", false, &[]),
    ("@they ~8 or ~1 else", false, &[]),
    ("@they ~6 take ~1 the|my|our ~1 kid|kids|children|child|son|daughter|baby", false, &[]),
    ("=ill|will ~1 take ~1 the|my|our ~1 kid|kids|children", false, &[]),
    ("never ~2 see ~2 the|my|our ~1 kid|kids|children", false, &[]),
    ("threat|threaten|threatened|threatening|threats", false, &["@neg ~2 feel|felt ~1 threatened ~2 i ~1 feel|felt", "=no ~1 threats ~2 nothing", "no ~1 one ~1 threatened ~1 anyone|anybody", "@neg ~1 a ~1 threat ~2 to ~1 anybody|anyone", "threat|threatened|threatening ~2 to ~1 rain|snow|storm", "threatening|threatened|threaten ~3 storm|storms|thunderstorms|thunder|rain|snow|showers|sleet", "forecast|weather|sky|clouds ~3 threat|threatening", "i ~1 threatened ~1 the ~1 kids|children", "threatened|threaten ~2 kids|children|dog ~2 with ~2 no|bed|bath", "never ~2 felt|feel|been ~1 threatened ~2 by ~2 @them ~3 just|only|but|more|at|in"]),
    ("@they ~4 kill|murder|destroy|ruin|hurt ~1 me|you", false, &["killing ~1 me ~1 with ~2 these|his|her|the ~2 replies|texts|silence|kindness|questions|jokes", "@neg ~2 hurt ~1 me|you"]),
    ("you|ill|will ~2 be ~1 sorry", false, &[]),
    ("you|ill|will ~2 pay ~1 for ~1 this|that", false, &[]),
    ("watch ~1 your|my ~1 back", false, &[]),
    ("@they ~3 =said|told|say|says ~4 =would|will|going|gonna ~3 hurt|kill|ruin|destroy", false, &[]),
    ("do ~1 anything ~2 to ~1 me", false, &[]),
    ("nobody|noone ~2 would|will|could ~2 know|believe|find", false, &[]),
    ("no ~1 one ~2 would|will|could ~2 know|believe|find", false, &[]),
    ("stand|standing|stood ~1 over ~2 me|bed", false, &[]),
    ("kill|hurt|harm ~1 himself|herself|themselves", false, &[]),
    ("if ~1 i ~3 leave|left|go|tell|call|told ~6 he|she|they ~3 =will|would|going|gonna", false, &[]),
    ("make ~2 your|my|you ~1 life ~1 hell|miserable", false, &[]),
    ("@they ~4 =said|says|told|threatens|warned ~6 =kill|hurt|ruin|destroy|take|finish ~2 me|myself|himself|herself|kids|children", false, &[]),
    ("told|said|warned|says|tells ~8 or ~1 else", false, &[]),
    ("next ~1 time ~4 not|wont ~1 miss", false, &[]),
    ("you ~1 are ~1 dead", false, &["you ~1 are ~1 dead ~2 right|on|tired|lucky|funny|good"]),
    ("accidents ~1 happen ~2 to ~1 people|women|wives|those|you", false, &[]),
    ("you ~1 know ~1 what ~1 i ~1 can ~1 do", false, &[]),
    ("show ~1 me ~1 what ~1 he|she|they ~1 could|can ~1 do", false, &[]),
    ("bullet|bullets", false, &["bullet ~1 point|points|journal|list|train|proof", "dodged ~1 a ~1 bullet", "bite ~1 the ~1 bullet"]),
    ("crash ~2 us ~1 both|all", false, &[]),
    ("@they ~6 =watching|watches ~2 the|my|our ~1 house|flat|work|door|window|place", false, &[]),
    ("picture|photo|photos|pic ~2 of ~1 my ~2 workplace|work|house|door|car|mums|mom|flat ~4 no|without ~1 message|note|text|words|caption", false, &[]),
    ("=posted|shared|leaked ~2 private|intimate|nude|naked ~1 photos|pictures|pics|videos", false, &[]),
    ("he|she|ex|husband|wife|partner ~4 =changed|changes ~2 my ~1 password|passwords|pin", false, &[]),
    ("he|she|ex|husband|wife|partner ~4 =logs|logged|hacked|hacks|reads|read|went ~2 into|through ~1 my ~1 email|emails|instagram|facebook|account|journal|diary|messages", false, &[]),
    ("airtag|tracker|spyware|stalkerware", false, &["airtag|tracker ~3 keys|luggage|suitcase|bag|bike|dog|cat|wallet ~3 lost|find|found", "fitness|step|habit|mood|period|budget|sleep|water ~1 tracker", "*luggage|suitcase|parcel|package|delivery|wallet|bike|budget|habit|fitness"]),
    ("he|she|ex|husband|wife|partner ~3 =installed|installs|put|hid ~2 camera|cameras|tracker|spyware", false, &[]),
    ("he|she|ex|husband|wife|partner ~4 =got|gets|found|tracks ~2 my ~1 location", false, &[]),
    ("spot|hole ~3 with ~1 my ~1 name ~2 on", false, &[]),
    ("make ~2 the ~1 kids|children ~1 hate ~1 me", false, &[]),
    ("=texted|said|says|wrote|messaged|text ~6 while ~1 you ~1 can", false, &[]),
    ("know ~1 where ~1 your|you ~2 mum|mom|dad|sister|brother|kids|family ~1 lives|live|works|work|go|goes", false, &[]),
    ("=said|says|texted|text|message|wrote|warned ~4 watch ~1 yourself", false, &[]),
    ("watch ~1 yourself ~5 text|message|said|says", false, &[]),
    ("he|she|ex|husband|wife|partner ~4 nothing ~2 to ~1 loose|lose", false, &[]),
    ("be ~1 a ~1 shame ~2 if ~6 happened|happen", false, &[]),
    ("not ~1 survive ~2 a ~1 fright|shock", false, &[]),
    ("if ~1 you ~1 go|leave ~3 the ~1 dog|cat|kids ~1 goes|go", false, &[]),
    ("old ~1 dogs|cats ~1 just ~1 go", false, &[]),
    ("cord|rope|belt ~3 into ~1 a ~1 loop|noose", false, &[]),
    ("sent|sends|texted ~4 photo|picture|pic ~2 of ~1 my ~1 daughters|sons|kids|childrens|daughter|son ~1 school ~4 no|without ~1 message|note|text|words|caption", false, &[]),
    ("forty|fifty|hundred|dozens|loads ~2 missed ~1 calls", false, &[]),
    ("nice ~1 walk|coat|dress|run|evening|night ~1 which ~1 means", false, &[]),
    ("means ~1 he|she|they ~1 was|were|is ~1 there|watching|following", false, &[]),
    ("cut ~1 me ~1 off ~1 from ~1 everyone|everybody|my ~1 family|friends", false, &[]),
    ("he|she|they ~1 always ~1 finds ~1 out", false, &[]),
    ("crowbar|axe|machete ~5 leaned|left|put|placed|propped ~4 sofa|bed|pillow|table|door", false, &[]),
    ("see ~1 how ~1 brave ~1 you ~1 are", false, &[]),
    ("drove ~2 so ~1 fast ~3 crash|die|dead|kill", false, &[]),
    ("if ~1 he|she|they ~1 sees ~1 me ~4 again ~2 regret", false, &[]),
    ("listens|listen|listening ~1 in ~2 when ~1 i ~1 call|ring|phone|talk", false, &[]),
];

const AFRAID: &[RuleSpec] = &[
    ("@fear ~3 go|going|come|coming ~1 home|back", true, &["go|going ~1 back ~1 to ~2 work|school|uni|college|gym|office|dentist|class|running|dating", ]),
    ("@fear ~2 of ~2 @them", true, &["@fear ~2 of ~1 losing|hurting|missing ~1 him|her|them", "*spider|spiders|wasp|wasps|snake|snakes|heights|needles|clowns|moths|bees|mice|rats|flying|dentist"]),
    ("@fear ~2 of ~1 what ~1 @they", true, &[]),
    ("@fear ~3 he|she|husband|wife|partner|spouse ~3 will|would|might|could|going|do|does", true, &[]),
    ("@fear ~2 for ~1 my ~1 life|safety", true, &[]),
    ("@fear ~2 @they ~2 come|comes|find|finds", true, &[]),
    ("@fear ~2 him|her", true, &["@fear ~2 giving|losing|missing|hurting ~1 him|her", "=dreading ~1 him|her ~1 listening|reading|hearing|seeing", ]),
    ("@fear ~2 to ~2 leave|say|tell|speak|ask|answer|disagree|argue ~3 @them|he|she|him|her|no", true, &[]),
    ("not ~1 safe", false, &["@neg ~2 feel|felt ~1 not"]),
    // "I don't feel unsafe, just lonely": felt safe, said the long way.
    ("unsafe", false, &["@neg ~3 made|make|makes ~1 me ~1 feel ~1 unsafe ~3 only|just|he|she", "@neg ~2 feel|felt ~1 unsafe ~2 i ~1 feel|felt", "@neg ~2 feel|felt|feeling ~1 unsafe ~3 at ~2 all|just|only|but|more|with|around|by"]),
    ("walk|walking ~2 on ~1 eggshells", false, &[]),
    ("tiptoe|tiptoeing|eggshells", false, &[]),
    ("hide|hiding|hid ~3 from ~1 @them", false, &[]),
    ("@they ~3 scare|scares|scared|frighten|frightens|terrify|terrifies ~1 me", false, &[]),
    ("lock|locked|locking ~2 myself ~2 in ~3 bathroom|room|bedroom|toilet|car|loo", false, &[]),
    ("wedge|wedged|barricade|barricaded|jam|jammed ~4 door|handle", false, &[]),
    ("chair ~2 under|against ~3 door|handle", false, &[]),
    ("flinch|flinched|flinching|cower|cowered|cowering", false, &[]),
    ("heart ~2 pound|pounds|pounding|racing|races ~8 @they|@them", false, &[]),
    ("@they ~2 is|was ~1 outside ~2 my|the ~1 house|flat|door|window|work|home", false, &[]),
    ("his|her|their ~1 temper|rages|rage|drinking", false, &["@neg ~2 temper"]),
    ("in ~1 case ~2 @they ~2 is|are|comes|come|sees|see|hears|finds", false, &[]),
    ("@they ~4 =follow|followed|following|tracking|tracked|track|tracks|stalking|stalked|monitoring|monitors|watches ~1 me|my", false, &["follow|followed ~2 me ~2 on|back"]),
    ("@they ~3 =checks|checking|checked|reads|read|went|goes ~3 my ~1 phone|messages|texts|emails|bag", false, &["@they ~1 is|has|had|would ~1 =read ~1 my ~2 =message|text|email|letter|note|voicemail", ]),
    ("key|door|car|footsteps ~6 freeze|freezes|froze|tense|tenses|shake|shaking", false, &[]),
    ("i ~1 pay ~1 for ~1 it", false, &[]),
    ("so ~1 he|she|they ~1 would ~1 not ~1 see|hear|know|find|notice", false, &[]),
    ("@fear ~2 of ~2 tonight|home", false, &[]),
    ("@they ~3 =forbids|forbade|forbid|bans|banned|wont|not ~1 let ~2 me ~2 from|talking|seeing|speaking|to|going|leave|leaving", false, &["@neg ~1 stop ~1 me ~2 from"]),
    ("@they ~3 =forbids|forbade|forbid|bans|banned ~1 me", false, &[]),
    ("=makes|made|make ~1 me ~7 prove ~2 where", false, &[]),
    ("=makes|made|make ~1 me ~3 kneel|beg", false, &["dog|puppy|cat ~3 =makes|made ~1 me ~3 beg"]),
    ("apologise|apologize ~3 for ~1 an|two|three ~1 hour|hours", false, &[]),
    ("@they ~3 =decides|controls|decided ~2 what ~1 i ~1 eat|wear|spend|buy", false, &[]),
    ("@they ~3 =weighs|weighed|weigh ~1 me", false, &[]),
    ("@they ~3 =hides|hid|hidden|takes|took ~2 my ~1 inhaler|medication|meds|pills|glasses|shoes|keys", false, &[]),
    ("@they ~4 =disconnected|unplugged|cut|cuts|turns|turned ~3 landline|phone|internet|wifi|electricity|power|heating ~3 off|when|so", false, &[]),
    ("took ~1 the ~1 door ~2 off", false, &["cupboard|wardrobe|oven|fridge|shower ~1 door"]),
    ("@they ~3 =wakes|woke|wake ~1 me ~4 interrogate|question|questions|accuse|shout", false, &[]),
    ("@they ~4 =deleted|deletes ~2 my ~2 friends|mates|contacts|sisters|sister|mums|mum|brothers|brother|family", false, &[]),
    ("blocked ~1 my ~1 sisters|mums|moms|brothers|friends|dads|sister|mum|brother|friend ~1 number ~2 on ~1 my ~1 phone", false, &[]),
    ("@they ~3 =screens|checks|checked ~2 my ~1 calls|receipts|spending|location|mileage", false, &[]),
    ("@they ~3 =checks|checked ~2 the ~1 mileage", false, &[]),
    ("@they ~2 =hacked|hacks|hacking ~1 my", false, &[]),
    ("=saying|says|said|texted|texting ~2 he|she|they ~1 is|are|was ~1 outside", false, &["*pick|collect|taxi|uber|lift|school|station|airport|parcel|delivery|mom|dad|friend|sister|brother|nan|gran|neighbour|neighbor"]),
    ("@they ~3 =rings|calls|rang ~2 my ~1 work ~3 check", false, &[]),
    ("@they ~3 =moved|moves|drains|drained|controls ~2 my|our ~1 benefits|wages|salary|pay|account|savings|money|joint", false, &[]),
    ("locks ~2 =been|were ~1 changed ~4 my ~1 stuff|things|clothes|bags", false, &[]),
    ("phone ~2 in ~1 my ~1 bra|sock|shoe ~3 in ~1 case", false, &[]),
    ("helpline|refuge|hotline", false, &["helpline|hotline ~4 bank|broadband|energy|council|tax|hmrc|insurance|airline|parking|benefits", "took|taking|take ~1 refuge ~2 from|in|under", "wildlife|bird|animal|nature ~1 refuge"]),
    ("code ~1 word", false, &["code ~1 word ~3 wifi|game|crossword|puzzle|spy|party"]),
    ("too ~1 scared|frightened|afraid ~3 to ~1 ring|call|report|tell|phone", false, &[]),
    ("scared|afraid|frightened ~2 to ~2 fall ~1 asleep ~3 next|beside|near|with", false, &[]),
    ("stomach ~1 drops|dropped|drop|knots|turns ~4 his|her|their ~1 name", false, &[]),
    ("hands ~2 go|went ~1 cold ~4 phone|buzz|buzzes|car|key|door", false, &[]),
    ("=hid|hide|hidden ~1 the ~1 knives|knife", false, &[]),
    ("whisper|whispering|whispered ~7 so ~1 he|she|they ~1 can|cannot|cant|not|could|couldnt|would|wouldnt ~1 not|hear", false, &[]),
    ("listening|listen|listened ~2 for ~1 his|her|their ~1 footsteps|car|key|keys", false, &[]),
    ("jump|jumping|jumped|flinch|flinching ~4 door ~1 goes|went|opens", false, &["dog|cat|puppy|kitten ~3 jump|jumps|jumping|jumped"]),
    ("injunction|non ~1 molestation|restraining ~1 order|protection ~1 order", false, &[]),
    ("hidden|hid|hide|stashed ~4 money|cash|spare ~3 phone|passport", false, &[]),
    ("waiting ~3 for ~1 it ~1 to ~1 turn", false, &[]),
    ("watch ~1 his|her|their ~1 face ~10 wrong|mood|temper", false, &[]),
    ("@they ~3 =hurt|hit|kicked|threw ~2 the ~1 dog|cat|puppy ~4 punish|me|barked|across", false, &[]),
    ("=threw|hurt|hit|poisoned|kicked|drowned ~2 my ~1 cat|dog|fish|puppy|kitten|rabbit|hamster", false, &["dog|cat ~2 threw ~1 up"]),
    ("@they ~4 =turned|turns|turning|keeps|kept|showed|shows ~2 up ~2 at ~1 my ~1 work|gym|sisters|sister|mums|mum|allotment|office|school", false, &["up ~2 at ~1 my ~1 @place ~2 with ~1 a|the|some ~1 coffee|flowers|lunch|present|gift|card|cake|kids|parcel|post", "*sweet|lovely|nice|kind|thoughtful|arranged|agreed"]),
    ("looking|looked|peering|staring ~2 through|in ~1 my ~1 windows|window", false, &[]),
    ("parked ~6 lights ~1 off", false, &[]),
    ("his|her|their ~1 van|car ~4 end ~2 of ~2 my|the ~1 road|street ~4 lights ~1 off|again", false, &[]),
    ("my ~1 own ~1 location", false, &[]),
    ("has|knows|got|keeps|reads ~2 my ~2 email|emails|phone ~1 password|passwords|pasword|code|pin", false, &[]),
    ("my ~1 wages|salary|pay|benefits ~2 go|goes|went ~1 straight ~2 into ~1 his|her|their", false, &[]),
    ("listens|listening|listened ~2 on ~1 the ~1 other ~1 handset|phone|line", false, &[]),
    ("apologise|apologize ~5 for ~2 buying ~4 without ~1 asking", false, &[]),
    ("selfie|pic|photo ~5 from ~1 the ~1 toilet|loo|bathroom", false, &[]),
    ("answer|reply ~2 within ~1 a ~1 minute", false, &[]),
    ("chose|chooses|decides|decided ~2 which ~1 of ~1 my ~1 friends", false, &[]),
    ("takes|took ~2 the ~1 kettle|tv|router|modem|wifi ~1 lead|cable|plug ~3 so", false, &[]),
    ("@they ~3 =deleted|deletes ~2 my ~1 mates|friends|contacts", false, &[]),
    ("women|womens ~1 aid", false, &[]),
    ("packed ~1 a ~1 bag ~2 and ~1 hid|hidden", false, &[]),
    ("stashed|hid|hidden ~2 cash|money ~5 never ~1 look", false, &[]),
    ("sleep ~2 in ~1 my ~1 clothes ~3 shoes", false, &[]),
    ("so ~1 i ~1 can ~1 leave ~1 quickly|fast", false, &[]),
    ("safer ~1 at ~1 work ~3 than ~3 own|home|bed", false, &[]),
    ("legs|hands|body ~2 shake|shakes|goes|go ~1 cold ~4 every ~1 time ~1 he|she|they", false, &[]),
    ("body ~1 goes|went ~1 cold", false, &[]),
    ("in ~1 case ~1 he|she|they ~2 turns|turn ~1 up", false, &[]),
    ("dry ~1 run ~2 of ~1 leaving", false, &[]),
    ("get ~1 away ~1 from ~1 him|her|them", false, &["get ~1 away ~1 from ~1 him|her|them ~2 for ~1 a"]),
    ("kids ~1 know ~1 to ~1 go ~1 upstairs|outside|to ~1 their ~1 room", false, &[]),
    ("my ~1 phone ~1 in ~1 the ~1 bath|toilet|bin ~2 after ~1 i", false, &[]),
    ("sunglasses ~2 inside ~4 pretend", false, &[]),
    ("high ~1 neck|necked ~1 jumper|top ~3 heatwave|summer|july|august", false, &[]),
    ("polo ~1 neck ~4 so ~1 nobody|no", false, &[]),
    ("concealer ~4 darker|yellow|bruise|shows", false, &[]),
    ("hid|hide|hiding ~2 the ~1 chipped ~1 tooth", false, &[]),
    ("@they ~2 =timed|times ~1 how ~1 long ~1 i ~1 was|am|spent|spend|spends", false, &[]),
    ("@they ~2 =screens|opens|reads|checks ~2 my|all ~1 post|mail|letters", false, &[]),
    ("=changes|changed ~1 the ~1 locks ~2 whenever|every", false, &[]),
    ("he|she|ex|husband|wife|partner ~4 stood|standing|waited|waiting ~2 outside ~2 the|my ~1 window|class|work|gym|door", false, &["waiting ~2 outside ~2 the ~1 school|class ~3 pick|collect|kids"]),
    ("he|she|ex|husband|wife|partner ~6 loan|loans|debt|debts|card|cards ~4 in ~1 my ~1 name", false, &[]),
    ("turned ~2 my ~1 family|friends ~1 against ~1 me", false, &[]),
    ("sends ~2 his|her|their ~1 brother|mate|sister|friend|mum|dad ~1 to ~1 check ~2 me", false, &[]),
    ("shut|turned|cut ~3 gas|electricity|power|water ~1 off ~3 so ~1 i", false, &[]),
    ("debt ~2 is ~2 all ~1 on ~1 me", false, &[]),
    ("sleep ~3 phone ~2 under ~1 my ~1 pillow ~4 shoes", false, &[]),
    ("jumped ~1 out ~1 of ~1 my ~1 skin ~2 when ~1 he|she|they ~1 touched", false, &[]),
    ("hear ~1 him|her|them ~2 on ~1 the ~1 stairs", false, &[]),
    ("listening|listen ~1 for ~1 him|her|them ~2 all ~1 night", false, &[]),
    ("he|she|they ~1 was|were ~1 waiting ~2 at ~1 home ~6 grabbed|hit|shouted|started", false, &[]),
    ("knew ~1 where ~1 i ~1 had|d ~1 been", false, &[]),
    ("packed ~1 a ~1 bag ~3 under ~2 the ~1 bed", false, &[]),
    ("@they ~2 =texting|texts|ringing|calling ~1 nonstop|non ~1 stop ~4 where", false, &[]),
    ("he|she|ex|husband|wife|partner ~4 asking|asks ~2 where ~1 i ~1 am", false, &["asking|asks ~2 where ~1 i ~1 am ~3 for ~1 dinner|lunch|the"]),
    ("he|she|ex|husband|wife|partner ~2 =following|followed|folowing|follows ~2 me ~2 to|home|from", false, &["cat|dog|kitten|puppy ~3 =following|followed|follows"]),
    ("bathroom ~1 floor ~2 again", false, &[]),
];

/// Thoughts of not living or of self-harm. Never negatable: "I don't want
/// to hurt myself, but the thought came" is heard.
const NOT_LIVING: &[RuleSpec] = &[
    ("kill|hurt|harm|cut|cutting|punish|burn|starve|hang|drown|poison|shoot|stab|slit|bleed|overdose ~1 myself", false, &["killing ~1 myself ~2 with|at ~2 overtime|work|gym|training|revision|exams|shifts|hours|running|cleaning|diy|laughter|laughing", "cut|cutting ~1 myself ~1 some ~1 slack"]),
    ("self ~1 harm", false, &[]),
    ("suicid|suicide|suicidal|overdose|overdosed|od", false, &["overdose ~1 of ~1 sugar|chocolate|caffeine|cake|sweets|tv|telly|christmas|cuteness|fun|sun", "overdose|overdosed|od ~2 on ~3 chocolate|sugar|caffeine|coffee|cake|netflix|tv|carbs|cheese|sweets|telly|easter|eggs|crisps|biscuits|pizza|box|sets|christmas|films|cuteness|sun|vitamin"]),
    ("not ~2 want ~3 be|stay ~2 alive|living|exist|existing|around", false, &[]),
    ("not ~2 want ~3 be|stay ~1 here ~2 anymore|any|now", false, &[]),
    ("not ~2 want ~2 live|exist|wake", false, &[]),
    ("not ~2 want ~2 go ~1 on ~1 living|anymore|like", false, &[]),
    ("want|wish|rather|better ~4 die|dead", false, &["die|died|dying ~2 of|from|laughing", "dead ~1 tired|on|good|easy|jealous", "rather ~1 die ~1 than", "microwave|printer|laptop|car|computer|boss|kids|cat|dog|oven|alarm|phone|telly|universe|traffic ~2 want|wants ~2 me ~1 dead"]),
    ("wish|want ~2 i ~2 was|were ~1 gone|dead", false, &[]),
    ("want ~2 to ~1 die", false, &["die ~2 of|from|laughing"]),
    ("wish ~4 not|never ~2 wake|born|exist", false, &[]),
    ("better ~1 off ~2 without ~1 me", false, &[]),
    ("better ~1 off ~4 if ~2 gone|dead", false, &[]),
    ("if ~1 i ~2 was|were|am ~1 not ~1 here|around", false, &[]),
    ("no ~1 point ~2 going ~1 on|anymore", false, &[]),
    ("no ~1 point ~2 living|anything|anymore", false, &[]),
    ("no ~1 point ~2 in|to ~1 me|life|living|anything|being", false, &[]),
    ("not|no ~2 point ~2 of ~1 me|living", false, &[]),
    ("no ~1 reason ~2 live|living", false, &[]),
    ("no ~1 reason ~2 to ~1 keep ~1 going", false, &[]),
    ("nothing ~2 live ~1 for", false, &[]),
    ("disappear|vanish ~3 forever|permanently", false, &[]),
    ("take|took|swallow|swallowed|taking ~3 all|whole|handful|box|packet|bottle|enough|lot|every|load|loads ~3 pill|pills|tablets|tablet|painkillers|sleeping|paracetamol", false, &[]),
    ("wine|vodka|whisky|whiskey|gin|rum|bottle ~4 with ~2 the|my|all|some ~1 paracetamol|pills|tablets|painkillers", false, &[]),
    ("forum|forums|googled|googling|scrolling ~3 methods", false, &["methods ~2 for|of|to|in"]),
    ("end ~1 it ~1 all", false, &[]),
    ("to|just|will|gonna|could|might|going ~1 =end ~1 it", false, &["end ~1 it ~2 with ~1 @them", "week|day|weekend|shift|term|month|year|meeting|film|exam|exams|holiday ~3 to ~1 end"]),
    ("end ~2 my ~1 life", false, &[]),
    ("end ~1 everything", false, &[]),
    ("can ~1 not ~1 go ~1 on", false, &["go ~1 on ~1 holiday|vacation|trip|date|the|a|that|this|with|tour|stage|air|about"]),
    ("can ~1 not ~1 keep ~1 going", false, &[]),
    ("never ~1 wake ~1 up ~1 again", false, &[]),
    ("jump|jumping|jumped ~4 off ~3 bridge|building|roof|cliff|balcony|car|multistorey|tower", false, &[]),
    ("jump|jumping|throw|step ~3 in ~1 front ~3 train|bus|car|lorry|truck", false, &[]),
    ("not ~1 be ~1 here ~2 tomorrow|anymore|much|long", false, &[]),
    ("everyone|everybody|kids ~3 better ~1 off", false, &[]),
    ("give ~1 up ~1 on ~1 life|living|everything", false, &[]),
    ("what ~1 is ~1 the ~1 point ~3 going|living|me|anymore|life", false, &[]),
    ("how ~1 many|much ~3 paracetamol|pill|pills|tablets|tablet|painkillers|aspirin|ibuprofen|codeine|tramadol|sleeping|insulin", false, &[]),
    ("stockpile|stockpiling|saving|hoarding|collecting ~3 pill|pills|tablets|painkillers", false, &[]),
    ("goodbye ~1 note|letter|letters|video", false, &[]),
    ("tired|sick|exhausted|weary ~2 of ~1 living|life|existing|breathing", false, &["sick ~2 of ~1 life ~1 admin"]),
    ("tired|sick|exhausted|weary ~2 of ~1 being ~1 alive|here", false, &[]),
    ("give|giving|gave ~2 my ~1 things|stuff|belongings|possessions ~1 away", false, &[]),
    ("give|giving|gave ~1 away ~1 my ~1 things|stuff|belongings|possessions", false, &[]),
    ("hope|hoping|hopes|wish|wishing|pray|praying|rather ~4 not|never ~1 wake", false, &[]),
    ("burden ~2 on|to ~1 everyone|everybody|all", false, &[]),
    ("if ~1 i ~2 was|were|am ~1 gone|dead", false, &[]),
    ("relieved|happier|easier ~4 if ~1 i ~3 gone|dead|not", false, &[]),
    ("rope|noose|ligature", false, &["=roped", "rope ~1 climb", "garden|climbing ~1 rope", "with ~1 rope ~2 and|to", "camping|climbing|washing|skipping|tow|old|jump ~1 rope", "end ~2 of ~2 my ~1 rope|tether", "skip|skipping|jump|jumping ~1 rope", "rope ~1 swing|bridge|course|light|lights"]),
    ("want|wish ~3 all ~2 end|stop|over", false, &[]),
    ("want|wish ~2 everything ~2 end|stop|over", false, &[]),
    ("life ~1 insurance|policy ~4 =would|clear|cleared|pay|paid|cover ~3 off|mortgage|debts|everything|kids", false, &[]),
    ("burn|burned|burnt|cut|hit|scratch|scratched|hurt|punched|bang|banged|held|hold ~6 on ~1 purpose", false, &["held|hold ~3 door"]),
    ("cut|slit|slash|slashed|cutting ~2 my ~1 wrists|wrist|arms|arm|legs|thighs", false, &[]),
    ("world ~5 without ~1 me", false, &[]),
    ("without ~1 me ~6 better", false, &[]),
    ("already ~1 dead", false, &[]),
    ("thoughts ~2 of|about ~2 dying|death|ending|suicide|killing", false, &[]),
    ("stop|cease ~1 existing", false, &[]),
    ("rather ~2 not ~1 be ~1 alive", false, &[]),
    ("=drive|drove|driving|steer ~3 into ~2 wall|tree|lorry|truck|traffic|river|bridge", false, &[]),
    ("plan|planned|planning ~3 how|when ~3 die|end", false, &[]),
    ("not ~1 be ~1 around ~2 much|long|for", false, &[]),
    ("last ~1 day|night ~2 on ~1 earth", false, &[]),
    ("=ending ~1 it", false, &["ending ~1 it ~2 with ~1 @them", "ending ~1 it ~1 there"]),
    ("if ~1 i ~2 vanish|vanished|disappear|disappeared|died|was ~1 gone", false, &[]),
    ("anyone|anybody ~3 notice|care|miss ~3 if ~1 i", false, &[]),
    ("sleep ~1 forever", false, &["could ~2 sleep ~1 forever"]),
    ("disappear|disappeared|vanish|vanished ~2 for ~1 good", false, &["appetite|pain|headache|rash|spot|spots|snow|sun|cat|dog|keys|parcel ~3 disappear|disappeared|vanish|vanished"]),
    ("=kms|kys|unalive|unaliving", false, &[]),
    ("funeral ~4 my|mine|songs|plan|planning", false, &["funeral ~2 for ~2 gran|nan|grandad|grandma|uncle|aunt|dad|mum|friend|colleague|neighbour"]),
    ("=will ~4 passwords|sorted|wrote|written|made|done|update", false, &["it|that|this|which ~1 =will ~2 be ~1 done|sorted|made", ]),
    ("passwords ~4 card|note|brother|sister|list|envelope", false, &[]),
    ("letters ~3 to ~2 kids|children|family|everyone|mum|mom", false, &[]),
    ("=goodbye ~2 to ~2 the|my ~1 dog|cat|kids|house|mum|everyone ~1 properly", false, &[]),
    ("=said ~1 goodbye ~3 properly", false, &[]),
    ("not ~2 see|picture|imagine|have ~2 a ~1 future", false, &[]),
    ("no ~1 future", false, &[]),
    ("=didnt|did|not ~2 wake ~1 up ~2 tomorrow|again", false, &[]),
    ("not ~1 wake ~1 up", false, &["not ~1 wake ~1 up ~2 till|until|before|early|on|in|when|at"]),
    ("want ~2 to ~1 disappear", false, &["disappear ~2 under|into|in ~3 blanket|duvet|book|bed|sofa|garden|holiday|weekend|hot|bath", ]),
    ("look|looked|looking ~2 up ~3 tallest|highest|bridge|car|dose|lethal|how", false, &[]),
    ("make ~2 it ~2 look ~2 like ~2 accident", false, &[]),
    ("=burnt|burned|burn|scratched|scratch|cut|hit|bit|punched ~3 my ~1 arm|arms|legs|leg|wrist|wrists|thighs|skin ~3 =till|until|so|bled|bleed|lighter|feel|on", false, &[]),
    ("=scratched|cut|burnt|burned ~2 my ~1 legs|arms|thighs|wrists ~3 till|until|bled", false, &[]),
    ("feel ~1 something ~1 other ~1 than", false, &[]),
    ("ghost ~1 already", false, &[]),
    ("make ~1 it ~1 official", false, &[]),
    ("walk ~2 into ~2 sea|river|traffic|lake", false, &[]),
    ("thought ~2 about ~2 just ~1 stopping|staying|driving|stepping|walking", false, &[]),
    ("level ~1 crossing|crossings", false, &[]),
    ("reason ~2 for ~1 me ~2 to ~2 still|be|stay ~1 here|alive", false, &[]),
    ("no ~1 reason ~3 me ~3 here|alive|around", false, &[]),
    ("tired|exhausted ~3 of ~2 being ~1 me|everything", false, &[]),
    ("tired ~3 of ~1 everything", false, &[]),
    ("take ~2 the ~1 whole ~1 box|packet|bottle", false, &[]),
    ("not ~2 want ~2 to ~1 wait ~2 around", false, &[]),
    ("insurance ~4 up ~1 to ~1 date", false, &[]),
    ("=sorry ~2 for ~1 everything", false, &[]),
    ("deleted ~2 all ~1 my ~1 socials|accounts|photos", false, &[]),
    ("stood|standing|stand ~2 on ~2 the ~1 bridge ~4 longer|too|edge|looking|down", false, &[]),
    ("to ~1 die", false, &["to ~1 die ~1 for", "die ~2 of|from|laughing|laughter|dramatically", "lived|live|going ~1 to ~1 die ~1 of|from", "*pepper|chilli|chili|curry|wasabi|rollercoaster|embarrassment|cringe|laughing|laughed"]),
    ("if ~1 i ~1 die|died", false, &["die|died ~1 of|from|laughing"]),
    ("if ~1 i ~2 was|were ~1 dead", false, &[]),
    ("think|thinking|thought ~2 about ~1 dying|death|dead", false, &[]),
    ("not ~1 scared|afraid ~2 of ~1 dying|death", false, &[]),
    ("scared|afraid ~2 of ~2 waking", false, &[]),
    ("ways|way|how ~2 to ~1 die|end", false, &["how ~2 to ~1 end ~2 the|a|this|an ~1 email|letter|sentence|story|essay|speech|meeting|call"]),
    ("stood|standing|stand ~2 on ~2 the ~1 bridge ~8 longer|too|edge|looking|down", false, &[]),
    ("of ~1 being ~1 me", false, &[]),
    ("my|own ~1 funeral", false, &["my ~1 funeral ~2 suit|outfit|dress|shoes"]),
    ("songs ~3 funeral", false, &[]),
    ("fade ~1 away", false, &["music|light|colour|color|sound|pain|bruise|scar|tan|feeling ~3 fade"]),
    ("stopped ~1 eating ~2 on ~1 purpose", false, &[]),
    ("bought|buying|buy ~3 paracetamol|painkillers|pills|tablets ~4 shops|different|several|boxes|three|four", false, &[]),
    ("want ~3 be ~1 here ~2 at ~1 all", false, &[]),
    ("be ~1 here ~2 no ~1 more", false, &[]),
    ("not ~2 want ~3 be ~1 here ~1 without", false, &[]),
    ("hope|hoping|wish|pray|praying ~3 plane|car|bus|train ~2 crash|crashes|goes|go ~1 down", false, &[]),
    ("hope|hoping|wish|pray|praying ~4 terminal|cancer|accident|illness|attack", false, &[]),
    ("=cutting ~2 helps|help|again", false, &[]),
    ("razor|razors|blade|blades", false, &["wiper|windscreen|windshield|grass|blender|skate|ice ~1 blade|blades", "shave|shaving|shaved|disposable|electric|safety|new|lawnmower|mower|fan|wind|turbine ~3 razor|razors|blade|blades", "razor|razors|blade|blades ~3 shave|shaving|sharp|mower|grass|blender|fan|wind|turbine|runner|skates"]),
    ("step|stepping|walk|walking ~2 off ~2 kerb|curb|platform|edge", false, &["*sprain|sprained|twisted|tripped|slipped|fell|ankle"]),
    ("a ~1 plan ~2 and ~2 a ~1 date", false, &[]),
    ("painless", false, &["painless ~2 dentist|procedure|injection|jab|process|way ~2 to ~1 cook|clean"]),
    ("=googled|searched|researched|looked ~3 ways|methods|how ~2 to ~1 die|end|go", false, &[]),
    ("relieved|happier|better ~4 if ~1 i ~2 never", false, &[]),
    ("if ~1 i ~1 never ~2 came|come ~1 back|home", false, &[]),
    ("just ~2 not ~1 come|go ~1 home|back ~2 ever", false, &[]),
    ("exit ~1 strategy|plan", false, &["exit ~1 strategy|plan ~3 work|job|company|meeting|business"]),
    ("taking ~1 up ~1 space ~2 air", false, &[]),
    ("waste ~1 of ~1 space|air|oxygen", false, &[]),
    ("i ~2 =checking ~1 out", false, &["checking ~1 out ~2 the|a|this|that|new|some|of|at"]),
    ("permanently|permanent ~1 quiet|silent|asleep|gone|stop|sleep|rest|solution|one|fix", false, &["permanent ~1 job|contract|position|marker|address|residence|record"]),
    ("obituary|eulogy", false, &["wrote|write|writing|read|reading ~3 obituary|eulogy ~2 for ~2 my|her|his ~1 gran|nan|grandad|grandma|dad|mum|mom|uncle|aunt|friend"]),
    ("only ~1 thing|things|reason ~2 stopping|keeping|holding ~1 me", false, &[]),
    ("so ~2 nobody|noone|no ~3 after|afterwards", false, &[]),
    ("goodbye ~8 last ~1 time", false, &[]),
    ("=ending|end ~1 things", false, &["things ~2 with"]),
    ("not ~1 mean ~2 home|holiday|away|out", false, &[]),
    ("knife|knives|pills|bridge|rope|tablets|razor ~4 differently", false, &[]),
    ("one ~1 last ~1 message|text|call|letter|goodbye|time ~4 so|before|fault", false, &[]),
    ("insurance ~2 =pays|pay|paid ~1 out", false, &[]),
    ("wish|wishing|wished ~4 not|never ~2 woken|woke|waking|wake|born", false, &["woken|woke|wake ~1 up ~1 so|early|late|before", "up ~1 at ~1 dawn|four|five|six|seven|3am|4am|5am|6am|7am"]),
    ("nothing ~1 but ~1 a ~1 burden", false, &[]),
    ("a ~1 burden ~2 to ~1 everyone|everybody|evry1|all|him|her|them|the ~1 kids", false, &[]),
    ("why ~2 am ~1 i ~2 still ~1 here|alive", false, &["still ~1 here ~2 at|in|on|after|when|working|waiting"]),
    ("why ~2 do|am|does ~1 i ~2 even ~1 exist|alive|here", false, &[]),
    ("effort|energy ~2 of ~1 staying ~1 alive", false, &[]),
    ("existence ~3 problem|burden|mistake", false, &[]),
    ("no ~1 one|body|1 ~2 would|will|wud ~2 miss ~1 me", false, &[]),
    ("nobody|noone ~2 would|will|wud ~2 miss ~1 me", false, &[]),
    ("being ~1 dead ~2 sounds|seems|would|feels", false, &[]),
    ("wish ~3 it ~1 had ~1 been ~1 me", false, &[]),
    ("if ~1 god ~2 took ~1 me", false, &[]),
    ("stop ~2 heart ~1 and ~1 all", false, &[]),
    ("saying ~1 goodbye ~2 to ~1 everyone ~4 knowing", false, &[]),
    ("set|picked|chosen|chose ~1 a ~1 date|day ~4 to ~1 do ~1 it", false, &[]),
    ("i ~1 have ~1 set ~1 a ~1 date", false, &["set ~1 a ~1 date ~2 for|with"]),
    ("almost|nearly ~1 did ~1 it ~2 last|tonight", false, &[]),
    ("crashing|crash|crashed|steering|steer|swerving|swerve ~5 on ~1 purpose", false, &[]),
    ("steering|steer|swerving|swerve|driving|drive ~3 into ~2 oncoming|lorry|truck|tree|traffic", false, &[]),
    ("thought|thinking|think ~2 about ~1 driving|steering|swerving ~1 off ~1 the ~1 road", false, &[]),
    ("goodbye ~1 message|letter|note|notes|video", false, &["goodbye ~1 message|letter|note|notes|video ~4 leaving|retiring|colleague|card|work|office|job|teacher|nursery|school|class|neighbour|neighbor|moving"]),
    ("car ~1 park ~3 calling", false, &[]),
    ("kind ~2 of ~1 last|final ~2 entry|goodbye", false, &[]),
    ("might|mite|may|will ~2 be ~1 my ~1 last|final ~2 entry", false, &[]),
    ("sorry ~4 for ~1 what ~1 i ~1 am ~1 about ~1 to ~1 do", false, &[]),
    ("waiting ~2 for ~1 the ~1 right ~1 night|time|day|moment", false, &["right ~1 night|time|day|moment ~2 to|for"]),
    ("chemist|pharmacy|pills|tablets|paracetamol ~8 build ~1 up ~1 enough", false, &[]),
    ("prescription|pills|tablets ~10 with ~1 the ~1 others", false, &[]),
    ("less ~1 to ~1 sort ~2 through ~1 after", false, &[]),
    ("had|laid|lined ~1 everything ~1 out ~2 on ~1 the ~1 table", false, &["*craft|crafts|picnic|party|dinner|jigsaw|lego|sewing|baking|ingredients|packing|presents|wrapping"]),
    ("i ~1 cut ~1 again", false, &[]),
    ("cutting|cuttin ~1 again", false, &["hair|fringe|grass|lawn|hedge|coupons|back ~2 cutting ~1 again", "*carbs|calories|sugar|diet|weight|bulk|bulking|gym"]),
    ("clean ~2 from|of ~1 cutting|self|harm", false, &[]),
    ("=relapsed ~4 cutting|harm", false, &[]),
    ("scratched|scratch|scratching ~2 till|until ~1 i ~1 bled|bleed", false, &[]),
    ("nails ~2 into ~1 my ~1 palms|arms|skin ~3 until|till|bled", false, &[]),
    ("until|till ~1 it ~1 hurt|hurts ~4 enough", false, &[]),
    ("pain ~4 gave ~1 it ~1 to ~1 myself", false, &[]),
    ("cuts ~3 deeper", false, &["*budget|funding|price|prices|pay|tax|council|spending|hair"]),
    ("marks ~1 on ~1 my ~1 thighs|arms|wrists|legs", false, &[]),
    ("skin ~1 raw ~6 purpose", false, &[]),
    ("on ~1 purpose ~4 skin|burn|burned|hurt", false, &[]),
    ("pinched ~1 myself ~2 black", false, &[]),
    ("hide ~1 the ~1 new ~1 marks|cuts", false, &[]),
    ("done ~1 with ~1 all ~1 of ~1 it", false, &["done ~1 with ~1 all ~1 of ~1 it ~2 now ~1 the|for"]),
    ("done|over ~2 with|w ~1 life|living", false, &[]),
    ("=im|i ~1 am ~1 done", false, &["done ~2 with|for|the|my|at|in|now|today|cooking|cleaning|eating|tidying|packing|and|here|ironing|working|shopping", "*finally|finished|relieved|yay|proud|exam|exams|marathon|shift|job|essay|deadline|report|course|race|chores"]),
    ("forever ~1 kind ~1 of ~1 tired", false, &[]),
    ("check|checked|checking ~1 out ~1 of ~1 life", false, &[]),
    ("making|make ~1 my ~1 exit ~1 soon|tonight|for|from|now", false, &["exit ~1 from ~1 the ~1 party|meeting|group|chat|office|room"]),
    ("be ~1 free ~1 of ~1 me", false, &[]),
    ("take|taking ~1 myself ~1 out ~1 of ~1 the ~1 picture", false, &[]),
    ("remove|removing ~1 myself ~3 for ~1 good", false, &[]),
    ("bow|bowing|tapping|tap|log|logging ~1 out|off ~3 life|permanently|good|everything", false, &["*facebook|instagram|twitter|tiktok|social|media|socials|work|email|slack|teams|laptop|computer|app|apps|news"]),
    ("planning|plan|planned|found|find ~2 my ~1 way ~1 out", false, &["way ~1 out ~2 of ~3 job|meeting|contract|lease|deal|mortgage|car|park|building|maze|town|debt|overdraft|work"]),
    ("out ~2 of ~1 everything ~2 of ~1 life", false, &[]),
    ("made ~1 up ~1 my ~1 mind ~1 to ~1 go", false, &["to ~1 go ~1 to|for|back|home|out|and|ahead|with|running|swimming|shopping|see|visit|abroad|travelling|traveling|on"]),
    ("six ~1 feet ~1 under", false, &[]),
    ("ready ~2 to ~1 be ~1 in ~1 the ~1 ground", false, &[]),
    ("over ~1 living", false, &[]),
    ("close ~1 my ~1 eyes ~3 be ~1 the ~1 end", false, &[]),
    ("run|ran ~1 out ~1 of ~1 reasons ~1 to ~1 stay|live|keep", false, &[]),
    ("lights ~2 go|went ~1 out ~2 for ~1 good", false, &[]),
    ("over ~3 so ~1 am ~1 i", false, &["so ~1 am ~1 i ~3 now|too|though|excited|tired|hungry|happy|glad|sure|fine|ok|okay|proud|ready|sorry|in|mortified"]),
    ("idea|thought ~2 of ~1 dying", false, &[]),
    ("thinking|thought|wondering ~3 falling|jumping ~1 in|off", false, &["*pool|swim|swimming|paddle|trampoline|plane|parachute|skydive|bungee|lido|sea|beach"]),
    ("looked ~3 at ~2 the ~1 pills|tablets", false, &[]),
    ("there ~1 is ~1 no ~1 me", false, &[]),
    ("drunk ~1 enough ~1 to ~1 do ~1 it", false, &[]),
    ("after ~1 i ~1 am ~1 dead|gone", false, &[]),
    ("want|wana|wanna ~2 to ~1 die", false, &["dying|die ~2 of ~1 laughter|embarrassment|shame|boredom"]),
    ("wish ~2 i ~2 was|were ~1 dead|ded", false, &[]),
    ("hate|h8 ~1 being ~1 alive", false, &[]),
    ("if ~1 i ~1 live ~1 or ~1 die", false, &[]),
    ("looking|lookin|looked ~2 at ~1 the ~1 bridge", false, &["*pretty|beautiful|view|photo|photos|lights|sunset|painting|lovely|train"]),
    ("just ~1 to ~1 feel ~1 something|smthn", false, &[]),
    ("keep|people ~1 living ~3 when", false, &[]),
    ("need ~1 me ~1 alive", false, &[]),
    ("no ~1 more ~5 done ~1 living", false, &[]),
    ("tonight ~1 i ~1 end ~1 it", false, &[]),
    ("life ~1 is ~1 not ~1 worth", false, &[]),
    ("took|take ~1 me ~1 out ~3 freeway|motorway|road", false, &[]),
    ("meds|pills|tablets ~3 in ~1 one ~1 bottle", false, &[]),
    ("wishing ~3 lorry|truck|car|bus|train ~3 come|hit|would", false, &[]),
    ("endin|ending ~2 it ~1 all", false, &[]),
    ("disappointed|cheated|annoyed ~2 to|that ~1 i ~2 wake|woke|still|was ~1 up|here|alive", false, &[]),
    ("disappointed ~1 to ~1 wake ~1 up", false, &[]),
    ("another ~1 morning ~1 i ~1 did ~1 not ~1 want", false, &[]),
    ("ready ~1 to ~1 be ~1 finished", false, &[]),
    ("ctb|sewerslide|unalive|kms", false, &[]),
    ("not|wont ~1 need ~1 it ~4 gone|after", false, &[]),
    ("i ~1 will ~1 be ~1 gone", false, &["be ~1 gone ~2 for|by|till|until|at|on|in|from|a|two|three|the|all"]),
    ("wont|not ~1 need ~2 the ~1 big ~1 one", false, &[]),
    ("appt|appointment ~4 wont|not ~1 need", false, &[]),
    ("story ~2 just ~1 ends", false, &[]),
    ("go ~1 quiet ~3 me ~1 included", false, &[]),
    ("out ~3 of ~1 life ~2 not ~1 the ~1 marriage", false, &[]),
    ("check ~1 out ~1 for ~1 real", false, &[]),
    ("woke|wake|waking ~1 up ~3 again ~4 disappointed", false, &[]),
    ("waking ~1 up ~2 feels ~2 like ~1 a ~1 punishment", false, &[]),
    ("weight|burden ~2 around ~1 everyone|everybody|their ~1 neck|necks", false, &[]),
    ("blank ~2 where ~1 i ~1 should ~1 be", false, &[]),
    ("switch ~1 myself ~1 off", false, &[]),
    ("thinking ~2 about ~1 checking ~1 out", false, &["checking ~1 out ~1 the|a|that|this|some|new|his|her|their|of|that|those|these|books|library"]),
    ("stood|standing|sat ~1 on ~1 the ~1 bridge|ledge|edge|roof", false, &["*watching|watch|watched|view|views|photo|photos|rowers|boats|sunset|sunrise|ducks|swans|fireworks|peaceful|beautiful|lovely|valley|hike|hiked|walk|walked|picnic|tiny"]),
    ("looking ~2 at ~2 the ~1 concrete ~1 pillars|barrier|wall", false, &[]),
    ("message|letter|note ~4 to ~1 send|read|open ~1 afterwards|after", false, &["after ~1 work|school|lunch|dinner|the"]),
    ("wrote|written ~2 each ~2 of ~1 my ~3 a ~1 letter", false, &[]),
    ("letters ~2 and ~1 sealed ~1 them", false, &[]),
    ("ends ~1 then ~1 so ~1 do ~1 i", false, &[]),
    ("plasters|bandages|antiseptic ~6 know ~1 what ~1 that ~1 means", false, &[]),
    ("since|once ~1 i ~1 decided|d ~2 decided", false, &["decided ~2 to|on|what|which|where|when|that|against|how"]),
    ("counted|counting|count ~2 the|my ~1 pills|tablets", false, &["*refill|prescription|chemist|pharmacy|repeat|dosette|organiser|organizer|vet|dog|cat"]),
    ("gave ~2 the|my ~1 cat|dog ~2 to ~2 my ~1 neighbour|neighbor|sister|mom|friend ~1 today", false, &["*holiday|week|weekend|vet|walk|while|until|till|feed|mind|sit|trip|away"]),
    ("just ~1 the ~1 rest ~1 of ~1 me", false, &[]),
    ("i|ill ~2 be ~1 gone ~1 soon", false, &["be ~1 gone ~1 soon ~2 for|on|to|from"]),
    ("picked|chose|chosen ~1 the ~1 day", false, &["picked|chose ~1 the ~1 day ~2 for|to|of"]),
    ("disappear|dissapear ~2 for ~1 good", false, &[]),
    ("if ~1 only ~1 she|he|they ~1 knew ~1 why", false, &[]),
    ("not ~1 needing ~1 one", false, &[]),
    ("everything ~2 for ~1 the ~1 last ~1 time", false, &[]),
    ("nice ~1 last ~1 day", false, &[]),
    ("food ~3 freezer ~1 after", false, &[]),
    ("close ~2 my ~1 eyes ~1 for ~1 good", false, &[]),
    ("voice ~1 message|messages ~4 to ~1 play ~3 older", false, &[]),
    ("clothes ~3 buried|cremated ~1 in", false, &[]),
    ("want ~2 to ~1 be ~1 buried", false, &[]),
    ("instructions ~4 bills|passwords|pets|cat|dog ~4 for ~1 good", false, &[]),
    ("policy ~1 covers ~1 it", false, &[]),
    ("how ~1 far ~1 gone ~1 i ~1 am", false, &[]),
    ("measuring|measured ~3 banister|bannister|beam|ceiling ~2 with ~1 my ~1 eyes", false, &[]),
    ("edging|edged|leaned|leaning ~3 closer|further ~3 drop|edge|should", false, &[]),
    ("would ~1 ever ~1 find ~1 it|me", false, &[]),
    ("want ~2 to ~1 be ~1 erased|deleted|gone", false, &[]),
    ("be ~1 deleted ~3 no ~1 trace", false, &[]),
    ("future ~1 is ~1 just ~1 a ~1 wall", false, &[]),
    ("since ~2 decided ~2 on ~1 the ~1 date", false, &[]),
    ("wrote ~1 a ~1 note ~4 glovebox", false, &[]),
    ("keep ~1 looking ~1 at ~1 the ~1 knives|pills|bridge|rope", false, &[]),
    ("a ~1 ghost ~1 haunting ~2 my ~1 own", false, &[]),
    ("wish ~2 i ~1 had|d ~2 been ~1 on ~1 that ~1 plane|train|bus", false, &[]),
    ("on ~1 the ~1 balcony ~4 looking ~1 down", false, &[]),
    ("leaned ~1 out ~1 further ~1 than", false, &[]),
    ("enough ~2 saved ~1 up ~3 decided ~1 when", false, &[]),
    ("another ~1 day ~1 of ~1 being ~1 alive", false, &[]),
];

/// Danger words heard with too little around them: shown anyway.
const UNSURE: &[RuleSpec] = &[
    ("hurt|hit|kill|killed|kills|strangl|choke|choked|weapon|knife|gun|police|999|911|bleeding|injured|injury", false, &["kill|killed|killing ~2 hours|hour|minutes|afternoon|morning|evening", "news ~5 hit", "=hurt ~1 that", "=hurts ~1 to ~1 see|hear|think|know|say|admit", "=hurt|hurts ~1 more|less ~1 than", "kind ~1 of ~1 hurt", "=hurt ~1 feelings", "said|says|say|wrote|words|comment ~4 =hurt|hurts", "tooth|teeth|fingers|lungs|muscles|ear|ears|stomach|tummy|calves|thighs|feet ~2 hurt|hurts", "laugh|laughing|laughed|smiling|smiled ~4 hurt|hurts", "urge|anger|loneliness|sadness|grief|panic|tiredness|exhaustion ~3 hit|hits", "hit ~1 one|two|three|about ~3 out ~1 of", "hit ~1 each ~1 other ~2 with ~1 pillows|cushions|balloons|snowballs", "kill|killed ~1 a|the ~1 wasp|fly|spider|plant|basil|mood|moth|mosquito|slug|bug|conversation|vibe", "kill ~1 for ~1 one", "getting|got ~1 killed ~1 first", "knife ~1 skills", "knife ~3 cake|pumpkin|carrot|carrots|veg|vegetables|onion|onions|loaf|cheese|tomato|tomatoes", "every ~1 knife ~3 drawer", "=choked ~1 with ~1 leaves|weeds|dust|traffic|tears|emotion|pride", "police ~1 officer ~6 =give|gave|giving ~2 a ~1 =talk", 
        "hurt ~1 my ~1 knee|back|leg|foot|ankle|wrist|shoulder|neck|arm|hand|head|finger|toe|hip|hamstring",
        "my ~1 knee|back|leg|foot|ankle|wrist|shoulder|neck|arm|hand|head|feet|legs|eyes ~2 hurt|killing",
        "kill|killed|kills|killing ~1 it|time|me",
        "this|that|the|it|song|heat|commute|traffic|wait|waiting|queue|work|job|day|suspense|shoes ~3 kill|killing|kills|killed",
        "hit ~1 the|a|send|snooze|play|pause|record|reply|back|it|up|rock|road|gym|target|wall|jackpot|spot|mark|button|pub|shops|town|bed|hay|sack|pillow|ground|books|traffic|golf|ball|balls|deadline|milestone",
        "hit ~2 home|hard|different",
        "it|that|this|reality|realization|realisation|truth|song|wave|memory|what|then|finally ~3 hit",
        "hit ~1 and ~1 miss", "big ~1 hit",
        "@neg ~1 hurt",
        "it|this|that|everything|heart ~2 hurt|hurts|hurting",
        "hurt ~1 my ~1 feelings", "feelings ~1 hurt|=were",
        "police ~1 show|drama|film|programme|program|series",
        "knife ~2 fork|bread|butter|chop|chopping|kitchen|onion|sharpener|block",
        "choke|choked|choking ~1 on|up|back",
        "=injured ~2 knee|back|leg|foot|ankle|wrist|shoulder|hamstring|playing|football|running",
        "kill|killed ~1 for ~2 a|an|some|the",
        "killing ~1 myself ~2 with|at ~2 overtime|work|gym|training|revision|exams|shifts|hours|running|cleaning|diy",
        "bleeding ~1 money|cash|us|me|them ~1 dry",
        "bleeding ~1 money|cash|radiator|radiators|brakes",
        "knife ~1 crime ~3 documentary|podcast|series|drama|film|programme|news|report|book",
        "nerf|water|toy|glue|staple|nail|paint|spray ~1 gun",
        "strangle|strangl|kill ~1 whoever|anyone|anybody|someone|somebody|everyone",
        "documentary|podcast|series|drama|film|programme|book ~4 knife|gun|police", "strangled ~1 goose|cat|noise|cry|yelp|sound|voice|laugh|squeak", "could ~2 have ~1 strangled|killed|murdered", "knife ~1 sharpener|drawer|block|set", "hit ~1 my ~1 thumb|finger|head|toe|knee|elbow|funny|shin", "pride ~1 hurt", "hurt ~2 like ~1 hell", "tattoo|tattoos|piercing|wax ~8 hurt|hurts", "blunt ~1 knife", "took ~2 my ~1 thumb|finger ~1 off", "kill ~1 a ~1 man|horse", "killed ~1 by ~2 the ~1 boss|zombie|zombies|dragon", "=hit ~1 one|two|three|the ~1 target|clay|pigeon|bullseye"]),
    ("not ~2 go|going ~1 home", false, &["not ~2 go|going ~1 home ~2 for|till|until|yet|early|straight"]),
    ("sleep|sleeping|slept ~3 in ~2 car", false, &[]),
    ("stare|stared|staring|stood|standing|looking|looked ~4 tracks|track|edge|ledge|cliff|traffic|rails|railway", false, &[]),
    ("let ~2 trains|train ~2 go|pass|past", false, &[]),
    ("to ~1 feel ~1 something", false, &["to ~1 feel ~1 something ~2 new|nice|good|different"]),
    ("can ~1 not ~2 do|take|cope|handle|bear ~2 this|it|anymore|any", false, &["can ~1 not ~2 do|take|handle ~1 it ~2 tonight|today|now|then|on|at|until|till|back"]),
    ("=hopeless|worthless", false, &["but ~1 not ~1 =hopeless", ]),
    ("dark|scary|intrusive ~1 thoughts", false, &[]),
    ("what ~1 is ~1 the ~1 point", false, &["what ~1 is ~1 the ~1 point ~1 ironing|cleaning|dusting|hoovering|washing|tidying", "what ~1 is ~1 the ~1 point ~2 of ~2 it|this|that|arguing|asking|meetings|meeting|school|exams|diet|gym|ironing|cleaning|trying|doing|going|having|making|buying|washing"]),
];

const REACH_OUT: &[RuleSpec] = &[
    ("@reach ~3 @them", false, &[
        "@they ~3 =texted|called|rang|emailed|messaged|wrote|phoned ~1 me",
        "tell|told ~2 him|her|them ~2 about ~2 my|the ~1 friend|work",
        "@others ~12 @reach ~3 him|her|them",
    ]),
    ("reach ~1 out", false, &["reach|reached|reaching ~1 out ~2 to ~2 @others|someone|samaritans|gp|people|helpline|charity|group|friends|a"]),
    ("get|got|getting ~1 in ~1 touch", false, &["touch ~1 with ~2 @others|old|school|university|uni|someone|people|work|support|helpline"]),
    ("go|going|went|drive|driving|drove|walk|walking|turn|turning|show|showing|head|heading|pop|popping ~2 over|round|around|past|by|up|to ~2 his|her|their ~2 @place", false, &[]),
    ("drive|drove|driving|walk|walked|walking ~2 past|by ~2 his|her|their", false, &[]),
    ("go|going|went|get|got|drive|drove ~4 over|round ~1 there", false, &[]),
    ("turn|turning|show|showing ~1 up ~3 at|on ~2 his|her|their|door|doorstep", false, &[]),
    ("hit ~1 send", false, &["hit ~1 send ~4 tax|return|form|application|invoice|order|essay|report|cv|assignment", "hit ~1 send ~4 email ~2 to ~2 work|boss|school|council"]),
    ("press|pressed|pressing ~1 send", false, &[]),
    ("send|sending ~3 text|message|email|letter|voice|dm|it ~3 @them", false, &[]),
    ("send|sending|mail|post|posting ~2 @them", false, &["@they ~3 =sent ~2 me", "@others ~4 send|sending|mail|post|posting"]),
    ("send|sending|mail|post|posting|give|drop ~4 to|for ~1 @them", false, &["@others ~4 send|sending|mail|post|posting|give|drop"]),
    ("like|liking|comment|commenting|react|reacting|heart|hearting ~3 his|her|their ~1 @post", false, &[]),
    ("reply|replying|respond|responding|react|reacting ~4 his|her|their ~1 @post", false, &[]),
    ("reply|replying|respond|responding ~2 to ~1 him|her|them", false, &["@they ~3 =replied", "@others ~4 reply|replying|respond"]),
    ("talk|talking ~3 it ~1 out", false, &[]),
    ("unblock|unblocked|unblocking", false, &[]),
    ("@want ~4 hear ~2 @them ~1 voice", false, &[]),
    ("@want ~3 hear|see ~2 his|her|their ~1 voice|face", false, &[]),
    ("@want ~5 @reach ~3 @them", true, &["@others ~12 @reach ~3 him|her|them"]),
    ("so ~1 he|she|they ~2 notice|notices|see|sees ~1 me", false, &[]),
    ("draft|drafted|drafting|typed|typing|wrote|writing ~4 text|message|email|letter ~3 to|for ~1 @them", false, &[]),
    ("draft|drafted|drafting|typed|typing ~4 @them", false, &[]),
    ("draft|drafted|drafting|typed|typing|wrote|writing ~4 text|message|email|letter", false, &["for|to ~2 work|boss|council|school|landlord|bank|client|colleague|team"]),
    ("thinking|thought|think ~2 about ~2 call|text|message|messaging|texting|calling|ringing|emailing|contacting|visiting ~3 @them", false, &[]),
    ("should ~1 i ~3 @reach ~2 @them", false, &[]),
    ("deleted|delete|deleting ~3 message|text|draft|email ~3 to|for ~1 @them", false, &[]),
    ("typed ~4 deleted|delete", false, &[]),
    ("finger|thumb|fingers ~3 over|hovering|hovered ~3 send|button|call|name|number", false, &[]),
    ("scroll|scrolled ~3 to ~2 his|her|their ~1 name|number|contact", false, &[]),
    ("outside ~1 his|her|their ~2 @place", false, &[]),
    ("go|going|pop|popping|drive|driving|head|heading|walk|walking ~1 round|over ~3 flat|house|place|door", false, &[]),
    ("knock|knocking|knocked ~3 door", false, &["@they ~3 =knocked"]),
    ("outside ~3 @place ~2 he|she|they|his|her", false, &[]),
    ("send|sending ~3 one|a|just|single ~1 text|message", false, &["@others ~6 send|sending"]),
    ("just ~1 one ~1 text|message|call", false, &[]),
    ("@want ~3 @reach ~4 sorry|miss|love|goodnight|back", false, &["@others ~6 @reach"]),
];

const SETBACK: &[RuleSpec] = &[
    ("=caved|caving", false, &[]),
    ("i ~2 =gave|give|giving ~1 in", false, &["not ~3 give ~1 in", "@neg ~2 =gave ~1 in"]),
    ("broke|break ~1 down ~3 and ~2 =called|texted|rang|messaged|emailed|phoned|went|begged", false, &[]),
    ("=begged|begging|pleaded|pleading ~3 @them|for|to", false, &["not ~2 =begged", "dog|cat|kids|kid|son|daughter ~2 =begged|begging"]),
    ("i ~3 =called|texted|rang|messaged|emailed|phoned|dmed|facetimed|snapchatted|whatsapped|sent|wrote ~3 @them", true, &[
        "almost|nearly|want|wanted|tempt|tempted|thought|close ~4 =called|texted|rang|messaged|emailed|phoned|sent|wrote",
        "*head|mind|notes|diary|journal|draft|drafted",
        "@others ~8 =called|texted|rang|messaged|emailed|phoned|sent|wrote",
    ]),
    ("=showed|turned ~1 up ~3 his|her|their", false, &[]),
    ("=sent ~2 @them ~3 long|another|drunk|angry|paragraph|essay", false, &[]),
    ("=sent ~3 long|another|drunk|angry|paragraph|essay ~4 to ~1 @them", false, &[]),
    ("drunk ~2 =texted|called|rang|dialled|dialed", false, &[]),
    ("i ~2 =blew|ruined|screwed ~1 it", false, &[]),
    ("i ~2 =slipped|messed|screwed ~1 up", false, &[]),
    ("i ~1 =relapsed|cracked|crumbled", false, &[]),
    ("=cracked|crumbled|folded|snapped ~2 and ~2 =sent|called|texted|rang|messaged|emailed|phoned|went|drove|begged", false, &[]),
    ("=undid|undone ~2 all|everything", false, &[]),
    ("=rang|called|texted|messaged|phoned|facetimed|emailed ~2 @them ~3 drunk|again|last|twice|three|four|five|every|midnight", false, &["almost|nearly|want|wanted ~3 =rang|called|texted|messaged|phoned", "@others ~8 =rang|called|texted|messaged|phoned"]),
    ("texts|messages|calls|voicemails|emails ~2 in ~1 a ~1 row", false, &[]),
    ("=sent|left|made ~2 two|three|four|five|six|seven|eight|nine|ten|twenty|several|multiple|many ~1 texts|messages|calls|voicemails|emails", false, &["@others ~8 =sent|left|made"]),
    ("before ~1 i ~1 could ~1 stop ~1 myself", false, &[]),
    ("=wrote|sent|posted|emailed|texted|messaged ~1 him|her|them ~4 letter|message|text|email|essay|paragraph|page|long|again", false, &["*head|mind|notes|diary|journal|draft|drafted",
        "@others ~8 =wrote|sent|posted|emailed|texted|messaged"]),
    ("=turned|showed ~1 up ~2 at ~1 her|his|their", false, &[]),
    ("=went|drove|walked ~2 to|round|over ~2 his|her|their ~1 @place", false, &["@others ~8 =went|drove|walked"]),
    ("=ended ~1 up ~3 =calling|texting|messaging|ringing|sending", false, &[]),
    ("could ~1 not ~1 stop ~1 myself", false, &[]),
    ("back ~1 to ~1 day ~1 one|zero|0|1", false, &[]),
    ("=reset|restarted|restart ~2 counter|count|streak|clock", false, &[]),
    ("=broke ~1 no ~1 contact", false, &[]),
    ("=broke ~2 the ~1 silence|rule|promise|streak", false, &[]),
    ("=left ~1 a|another ~1 voicemail|message ~3 @them|for ~1 @them", false, &[]),
    ("=told ~1 him|her|them ~3 i ~2 love|miss|need|want", false, &["@others ~8 =told"]),
    ("=texted|called|rang|messaged|emailed|phoned|facetimed|dmed ~1 him|her|them", false, &[
        "almost|nearly|want|wanted|not|never ~3 =texted|called|rang|messaged|emailed|phoned",
        "*@practical",
        "@they ~1 =texted|called|rang|messaged|emailed|phoned",
        "*head|mind|notes|diary|journal|draft|drafted",
        "@others ~8 =texted|called|rang|messaged|emailed|phoned",
    ]),
    ("=unsend|unsent", false, &[]),
    ("can ~1 not ~1 unsend|undo|take ~1 it ~1 back", false, &[]),
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
    ("his|her|their ~1 name ~3 popped|flashed|came|lit|appeared|up|screen|phone", false, &[]),
    ("@they ~3 =wants|wanted|asked ~2 to ~2 talk|meet|see|chat|coffee", false, &[]),
    ("@they ~4 =asked|asking ~2 how ~1 i", false, &[]),
];

/// A practical matter: a topic and a word of contact or of the partner.
const PRACTICAL: &[RuleSpec] = &[
    ("@practical", false, &[]),
    ("parents ~1 evening", false, &[]),
];
const CONTACT_WORDS: &[RuleSpec] = &[
    ("@reach|let|had|have|need|needed|must|sort|sorted|arrange|arranged|organise|organize|discuss|discussed|pick|picked|drop|dropped|swap|handover|collect|collected|pay|paid|split|sign|signed|about|regarding|coparent|co|logistics|practical", false, &[]),
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
    (
        "silence|quiet|silent",
        false,
        &[
            "quiet ~1 day|night|evening|weekend|morning|walk|coffee|time|house",
            // The quiet is inside, or around: not theirs.
            "my|the ~1 head|mind|thoughts|brain|heart|house|flat|street|room|office|park|world|town|village|garden ~3 quiet|silence|silent",
        ],
    ),
    ("every ~1 time ~3 phone ~2 buzz|buzzed|buzzes|ping|pinged|rings|rang|goes|went", false, &[]),
    ("phone ~2 buzz|buzzed|buzzes|ping|pinged|face|down", false, &[]),
    ("stalk|stalked|stalking|lurk|lurking|scroll|scrolled|scrolling", false, &[]),
    ("jump|jumped|jumping ~3 every|whenever|when|phone", false, &[]),
    ("not|no ~3 word|words|peep|sound|message|text|call ~2 from", false, &[]),
    ("watch|watched|seen|viewed|read|opened ~2 my ~1 story|stories|status|post|message|messages|text|texts|email", false, &[]),
    ("check|checked|checking ~3 whether|if", false, &[]),
    ("=ringer", false, &[]),
    ("ringer|notifications|volume ~3 on|loud|full|up", false, &[]),
    ("wonder|wondering|wondered ~2 if|whether|when ~2 @they", false, &[]),
    ("hope|hoping ~2 @they ~3 call|text|ring|message|reply|write|get|reach|will|would", false, &[]),
    ("still ~2 nothing|no ~1 reply|word|answer", false, &[]),
    ("still ~1 nothing", false, &[]),
    ("nothing ~1 back", false, &[]),
    ("=active ~2 on|ago|now|status", false, &[]),
    ("phone ~6 in ~1 case", false, &[]),
    ("check|checked|checking|look|looked|looking|stalked|stalking|scrolled|scrolling ~2 his|her|their", false, &[]),
    ("@they ~3 has|have ~1 not ~2 =replied|texted|called|messaged|rung|said|answered|written|responded", false, &[]),
    ("blue ~1 ticks|tick", false, &[]),
    ("typing ~1 bubble|dots", false, &[]),
    ("three ~1 dots", false, &[]),
    ("left ~2 on ~1 read|seen", false, &[]),
    ("@they ~3 miss|missing|thinking ~1 me|about", false, &[]),
    ("does|do|did|is ~1 he|she|they ~3 miss|think|thinking|care|remember", false, &[]),
    ("days|weeks ~2 without|since ~3 word|message|text|call|contact|hearing", false, &[]),
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
    ("friends ~4 his|her|their ~1 friends", false, &[]),
    ("not ~3 spoke|spoken|talked ~2 to ~1 another|other|a ~1 adult|person|human|soul", false, &[]),
    ("burden", false, &[]),
    ("nobody|noone ~3 ask|asked|noticed|check|checked|called|rang|texted|cares|came", false, &[]),
    ("no ~1 one ~3 ask|asked|noticed|check|checked|called|rang|texted|cares|came", false, &[]),
    ("feel|felt|feeling ~2 invisible|forgotten|abandoned|unwanted|left", false, &[]),
    ("eat|ate|eating|sat|sit|sitting|dinner ~3 by ~1 myself", false, &[]),
    ("table ~2 for ~1 one", false, &[]),
    ("talk|talked|talking ~2 to ~1 the ~1 dog|cat|walls|telly|tv", false, &[]),
    ("everyone|everybody ~3 busy|couples|coupled|paired", false, &[]),
];

const WITH_PEOPLE: &[RuleSpec] = &[
    ("with|saw|see|seeing|visit|visited|called|rang|texted|met|meet|lunch|dinner|coffee|drinks|pub|walk|film|movie|spent|spend|went|been ~4 friend|friends|sister|brother|mom|dad|parents|family|mate|mates|neighbour|neighbor|cousin|aunt|uncle|gran|nan|colleague|colleagues|team|group|people|book|choir|church|club|everyone|girls|lads|gang|boys|neighbours", false, &[]),
    ("friend|friends|sister|brother|mom|dad|parents|family|mate|mates|neighbour|neighbor|cousin|aunt|uncle|gran|nan ~4 =came|over|round|visited|called|rang|took|invited|made|cooked|brought|stayed|dropped|looked|dragged|drove|talked|persuaded|bbq|barbecue|party|house|place|birthday|wedding|picnic", false, &[]),
    ("book|running|walking|football|knitting|support|quiz|pub|supper|dinner ~1 club|group|team|night|quiz", false, &[]),
    ("=invited ~1 me", false, &[]),
    ("coffee|lunch|dinner|drinks|walk|tea|brunch|breakfast|pint ~1 with", false, &[]),
    ("we ~4 together", false, &[]),
    ("=hugged|hug ~2 me", false, &[]),
    ("laughed|laughing ~2 with", false, &[]),
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
    ("look|looking|looked|took|take|taking ~1 after|care ~2 me|myself", false, &[]),
    ("made|cook|cooked ~1 myself", false, &[]),
    ("course|lessons|evening ~1 class|course", false, &[]),
    ("sign|signed|enrol|enrolled|joined ~1 up|for", false, &[]),
    ("not ~1 @fear ~3 anymore|now", false, &[]),
    ("=new ~1 haircut|hobby|plant|recipe|book|class|dress|shoes", false, &[]),
    ("learn|learning|learnt|learned|practise|practice|practiced|practised|started|tried ~2 something|new|to", false, &[]),
    ("slept|sleep ~2 well|through|properly|eight|8", false, &[]),
    ("bought ~1 myself", false, &[]),
    ("fresh ~1 air", false, &[]),
    ("beach|park|woods|forest|sea|hills|seaside|countryside|nature|allotment", false, &[]),
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

impl Group {
    /// The groups whose hearing brings the safety card.
    fn is_danger(self) -> bool {
        matches!(
            self,
            Group::Harmed | Group::NotLiving | Group::Threatened | Group::Afraid | Group::Unsure
        )
    }
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
                source: p,
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

/// Which rules hear something on a page, as `Group: pattern` (to see why a
/// sentence got the cards it got, when tuning).
pub fn explain(text: &str) -> Vec<String> {
    let r = &*RULES;
    let mut out = Vec::new();
    for sentence in text.split(['.', '!', '?', ';', '\n']) {
        let ws = page_words(sentence);
        for start in 0..ws.len() {
            for (group, rule) in &r.rules {
                if rule.pattern.0[0].matches(&ws[start]) && rule.hears_at(&ws, start) {
                    out.push(format!("{group:?}: {}", rule.source));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Each rule whose first word is at `start` in a sentence, with its group.
fn rules_at(ws: &[Word], start: usize) -> impl Iterator<Item = &'static (Group, Rule)> {
    let r: &'static Rules = &RULES;
    let w = &ws[start];
    r.by_stem
        .get(&w.stem)
        .into_iter()
        .chain(r.by_raw.get(&w.raw))
        .flatten()
        .map(|&i| &r.rules[i])
}

/// Which groups hear something in one sentence.
fn heard_groups(ws: &[Word]) -> [bool; GROUPS.len()] {
    let mut heard = [false; GROUPS.len()];
    for start in 0..ws.len() {
        for (group, rule) in rules_at(ws, start) {
            if !heard[*group as usize] && rule.hears_at(ws, start) {
                heard[*group as usize] = true;
            }
        }
    }
    heard
}

/// Whether one sentence has the words of a rule of danger that the rule set
/// aside (another sense of them, or a "not" before them) while no rule of
/// danger heard it: "I killed it at work", "I'm not afraid of him anymore".
/// The net reads this as a feature (`learned`), so it can learn what the
/// rules already know about such sentences.
pub(crate) fn danger_set_aside(ws: &[Word]) -> bool {
    let mut aside = false;
    for start in 0..ws.len() {
        for (group, rule) in rules_at(ws, start) {
            if !group.is_danger() {
                continue;
            }
            if rule.hears_at(ws, start) {
                return false;
            }
            aside |= rule.pattern.rest(ws, 1, start).is_some();
        }
    }
    aside
}

/// What a page says, heard sentence by sentence (a "not" in one sentence
/// never undoes the next), and the stems of all its words.
pub(crate) fn read_signals(sentences: &[Vec<Word>]) -> (Signals, HashSet<String>) {
    let mut s = Signals::default();
    let mut stems = HashSet::new();
    for ws in sentences {
        let g = heard_groups(ws);
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
        stems.extend(ws.iter().map(|w| w.stem.clone()));
    }
    (s, stems)
}

/// The sentences of a page, each in words, as the rules and the net read
/// them (a "not" in one sentence never undoes the next).
pub(crate) fn page_sentences(text: &str) -> Vec<Vec<Word>> {
    text.split(['.', '!', '?', ';', '\n'])
        .map(page_words)
        .filter(|ws| !ws.is_empty())
        .collect()
}
