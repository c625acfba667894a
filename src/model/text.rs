//! Text helpers shared by search and ids: accent folding, slugs, and the
//! one way an id is made unique ("x", "x-2", "x-3", …).

use std::collections::HashSet;

/// Lower-case `s` and strip the accents of Latin letters, so that "adam sandor"
/// finds "Ádám Sándor", "jorg" finds "Jörg" and "sisu" finds "Șișu". Text in
/// decomposed form (NFD: a letter followed by combining marks) folds the same
/// as composed text: the marks are dropped. Other characters are lower-cased
/// and kept.
pub fn fold_for_search(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is_combining_mark(c) {
            // A decomposed accent: the base letter is already out.
        } else if let Some(base) = fold_single(c) {
            out.push(base);
        } else if let Some(base) = fold_multi(c) {
            out.push_str(base);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Combining diacritical marks (U+0300..=U+036F, and the extended and
/// supplement blocks), as NFD text carries its accents.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

fn fold_single(c: char) -> Option<char> {
    let cp = c as u32;
    let byte = match cp {
        0xC0..=0x24F => LATIN_1_TO_EXT_B[(cp - 0xC0) as usize],
        0x1E00..=0x1EFF => LATIN_EXT_ADDITIONAL[(cp - 0x1E00) as usize],
        _ => return None,
    };
    (byte != b'.').then_some(byte as char)
}

/// Base letters of U+00C0..=U+024F (Latin-1 Supplement letters, Latin
/// Extended-A and -B), one ASCII byte each, `.` for none; generated from
/// Unicode's canonical decompositions (NFD), plus the letters that have none
/// (ø, ł, đ, ħ, ı, …).
const LATIN_1_TO_EXT_B: &[u8; 400] = b"\
    aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y\
    aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkklllllll\
    lllnnnnnnnnnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs\
    bb.....ccdd......ffg...ikkl..n..oo..pp......tttuu..yyzz.........\
    .............aaiioouuuuuuuuuu.aaaa..ggggkkoooo..j...gg..nnaa....\
    aaaaeeeeiiiioooorrrruuuusstt..hh.d....aaeeooooooooyylntj..acclt.\
    ...b..eejjqqrryy";

/// Base letters of U+1E00..=U+1EFF (Latin Extended Additional: Vietnamese, Welsh, …).
const LATIN_EXT_ADDITIONAL: &[u8; 256] = b"\
    aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm\
    mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv\
    wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee\
    eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

/// Letters that fold to two: ß → ss, æ → ae, þ → th, ĳ → ij, …
fn fold_multi(c: char) -> Option<&'static str> {
    Some(match c {
        'Æ' | 'æ' => "ae",
        'Ǆ' | 'ǅ' | 'ǆ' | 'Ǳ' | 'ǲ' | 'ǳ' => "dz",
        'Ĳ' | 'ĳ' => "ij",
        'Ǉ' | 'ǈ' | 'ǉ' => "lj",
        'Ǌ' | 'ǋ' | 'ǌ' => "nj",
        'Œ' | 'œ' => "oe",
        'ß' | 'ẞ' => "ss",
        'Þ' | 'þ' => "th",
        _ => return None,
    })
}

/// A text's paragraphs (separated by blank lines), blank ones left out:
/// how an abstract or a room's description is shown.
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// A whole number with its digits grouped the current language's way
/// ("3,025" in English, "3025" and "30.250" in German).
pub fn thousands(n: u64) -> String {
    super::words::current().number(n)
}

/// A URL-safe id from a name: folded, ASCII alphanumerics joined by single dashes.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in fold_for_search(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The ids handed out so far, so that each new one is unique: the one
/// "add -2, -3, … until free" loop of importers and merges.
#[derive(Default)]
pub(crate) struct UniqueIds(HashSet<String>);

impl UniqueIds {
    /// Ids already taken elsewhere count as handed out.
    pub(crate) fn with_taken<S: Into<String>>(taken: impl IntoIterator<Item = S>) -> Self {
        UniqueIds(taken.into_iter().map(Into::into).collect())
    }

    /// Whether `id` is still free.
    pub(crate) fn is_free(&self, id: &str) -> bool {
        !self.0.contains(id)
    }

    /// `base` if it is free, else the first free of `base-2`, `base-3`, …; it is then taken.
    pub(crate) fn claim(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while self.0.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.0.insert(id.clone());
        id
    }
}

/// Decode the entities HTML text commonly carries (`&lt;` `&gt;` `&quot;`
/// `&#39;` `&#x27;` `&nbsp;` `&amp;`, the last one last so nothing is decoded
/// twice): the one decoder of imported descriptions and of attribute values.
pub fn decode_entities(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Where an FNV-1a hash ([`fnv1a`]) starts: its 64-bit offset basis.
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a (64 bits) of `bytes`, going on from `hash` ([`FNV_START`] for a new
/// one): a short stable fingerprint, not a secure hash.
pub fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold_for_search("Ádám Sándor"), "adam sandor");
        assert_eq!(fold_for_search("Jörg Schad"), "jorg schad");
        assert_eq!(fold_for_search("Straße"), "strasse");
        assert_eq!(fold_for_search("Mlýnec"), "mlynec");
        assert_eq!(fold_for_search("ΣΟΦΙΑ"), "σοφια");
    }

    #[test]
    fn folds_decomposed_text_like_composed_text() {
        // "Jörg Ádám" in NFD: base letters followed by combining marks.
        let nfd = "Jo\u{0308}rg A\u{0301}da\u{0301}m";
        assert_eq!(fold_for_search(nfd), "jorg adam");
        assert_eq!(fold_for_search(nfd), fold_for_search("Jörg Ádám"));
    }

    #[test]
    fn folds_latin_extended_letters() {
        assert_eq!(fold_for_search("Ștefan Țiriac"), "stefan tiriac");
        assert_eq!(fold_for_search("Şişli Ţară"), "sisli tara");
        assert_eq!(fold_for_search("Doğan Ğ"), "dogan g");
        assert_eq!(fold_for_search("Łódź Øresund Đorđe"), "lodz oresund dorde");
        assert_eq!(fold_for_search("Nguyễn Thị Ánh"), "nguyen thi anh");
        assert_eq!(fold_for_search("Ærø Œuvre Þór ẞ"), "aero oeuvre thor ss");
        assert_eq!(fold_for_search("Ħamrun ı"), "hamrun i");
        assert_eq!(fold_for_search("× ÷"), "× ÷", "signs are not letters");
    }

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(slugify("DevOps and Ops"), "devops-and-ops");
        assert_eq!(slugify("  Town Halls & events!! "), "town-halls-events");
        assert_eq!(slugify("Jörg Schad"), "jorg-schad");
        assert_eq!(slugify("---"), "");
    }

    #[test]
    fn entities_are_decoded_once_and_fnv_is_the_published_one() {
        assert_eq!(
            decode_entities("&lt;b&gt; &quot;x&quot; &#39;y&#x27;&nbsp;&amp;lt;"),
            "<b> \"x\" 'y' &lt;"
        );
        // The published FNV-1a 64 test vectors.
        assert_eq!(fnv1a(FNV_START, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(FNV_START, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(
            fnv1a(fnv1a(FNV_START, b"fo"), b"obar"),
            0x8594_4171_f739_67e8
        );
    }

    #[test]
    fn ids_are_claimed_once_then_numbered() {
        let mut ids = UniqueIds::with_taken(["a"]);
        assert!(!ids.is_free("a") && ids.is_free("b"));
        assert_eq!(ids.claim("a"), "a-2");
        assert_eq!(ids.claim("a"), "a-3");
        assert_eq!(ids.claim("b"), "b");
        assert_eq!(ids.claim("a-2"), "a-2-2");
    }

    #[test]
    fn paragraphs_and_thousands() {
        assert_eq!(
            paragraphs("One\n\n\n\nTwo\nlines\n\n "),
            ["One", "Two\nlines"]
        );
        assert!(paragraphs("").is_empty());
        let shown: Vec<String> = [0, 7, 999, 1000, 3025, 1_234_567]
            .into_iter()
            .map(thousands)
            .collect();
        assert_eq!(shown, ["0", "7", "999", "1,000", "3,025", "1,234,567"]);
    }
}
