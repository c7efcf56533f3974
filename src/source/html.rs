//! HTML drafts: a hand-written tokenizer in one pass, forgiving as browsers are (an unclosed
//! tag or quote, a stray `<`, a missing `</head>` are read, never rejected).
//!
//! Prose: the text of the page, one run per block element (`p`, `h1`…`h6`, `li`, `td`, `th`,
//! `blockquote`, `figcaption`, `dd`, `dt`, `div`, …), headings marked. Not prose: tags and all
//! their attributes, comments, `head`, `script`, `style`, `template`, `noscript`, `svg`, `math`,
//! `code`, `pre`, `kbd`, deleted text (`del`, `s`), form controls; inline ones leave a
//! placeholder. Entities are decoded, each mapped as a whole to its source bytes, and every
//! offset points into the original file.
//!
//! `<html lang>` gives the language and `<meta name="date" content>` (or
//! `article:published_time`, `dcterms.date`, `datePublished`) the publication date, unless front
//! matter gave them first.

use super::builder::Builder;
use super::{front_matter, FrontMatter, Lang, ProseRun};

/// The prose runs of the HTML in `src[body_start..]`; fills `front`'s language and date from the
/// page's own metadata where front matter left them empty.
pub fn runs(src: &str, body_start: usize, front: &mut FrontMatter) -> Vec<ProseRun> {
    let bytes = src.as_bytes();
    let mut b = Builder::new(src);
    let mut pos = body_start.min(src.len());
    // Where the prose not yet handed to the builder starts.
    let mut text_start = pos;
    let mut skip: Option<Skip> = None;
    while let Some(rel) = bytes.get(pos..).and_then(|r| memchr::memchr2(b'<', b'&', r)) {
        let at = pos + rel;
        if bytes.get(at) == Some(&b'&') {
            pos = at + 1;
            if skip.is_none() {
                if let Some((end, c)) = entity(src, at) {
                    b.prose(text_start, at);
                    b.mapped(c.encode_utf8(&mut [0; 4]), at, end);
                    (pos, text_start) = (end, end);
                }
            }
            continue;
        }
        let Some(tag) = tag(src, at) else {
            pos = at + 1; // a "<" that opens no tag is text: "3 < 5"
            continue;
        };
        if skip.is_none() {
            b.prose(text_start, at);
        }
        (pos, text_start) = (tag.end, tag.end);
        let Some(name) = tag.name else { continue }; // a comment, a doctype
        if tag.opens {
            metadata(src, &tag, name, front);
        }
        if tag.opens && !tag.self_closing && is(RAW_TEXT, name) {
            // Its content is not markup: "</p>" inside a script is not an end tag.
            let end = raw_text_end(src, tag.end, name);
            if skip.is_none() {
                b.placeholder(at, end);
            }
            (pos, text_start) = (end, end);
            continue;
        }
        if let Some(s) = &mut skip {
            if s.name.eq_ignore_ascii_case(name) && !tag.self_closing {
                if tag.opens {
                    s.depth += 1;
                    continue;
                }
                s.depth -= 1;
                if s.depth == 0 {
                    if s.inline {
                        b.placeholder(s.start, tag.end);
                    }
                    skip = None;
                }
                continue;
            }
            // A page without "</head>": the first body element ends the head.
            let ends_head =
                s.name == "head" && (tag.opens && !is(HEAD_CONTENT, name) || name.eq_ignore_ascii_case("html"));
            if !ends_head {
                continue;
            }
            skip = None;
        }
        if let Some(&canonical) = SKIP.iter().chain(INLINE_SKIP).find(|n| n.eq_ignore_ascii_case(name)) {
            if tag.opens && !tag.self_closing {
                let inline = is(INLINE_SKIP, name);
                if !inline {
                    b.flush();
                }
                skip = Some(Skip { name: canonical, depth: 1, start: at, inline });
            }
        } else if is_heading(name) {
            if tag.opens {
                b.heading();
            } else {
                b.flush();
            }
        } else if is(BLOCK, name) {
            b.flush();
        } else if name.eq_ignore_ascii_case("br") {
            b.space(at, tag.end);
        } else if is(MARK, name) {
            b.placeholder(at, tag.end);
        }
    }
    if skip.is_none() {
        b.prose(text_start, src.len());
    }
    b.finish()
}

/// An element whose content is being skipped.
struct Skip {
    name: &'static str,
    /// Open elements of that name (a `<code>` in a `<code>`).
    depth: usize,
    start: usize,
    /// Inline elements leave a placeholder in the prose around them.
    inline: bool,
}

/// Elements whose content is not markup, found by their end tag alone.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];
/// Blocks whose content is not prose.
const SKIP: &[&str] =
    &["head", "pre", "template", "noscript", "select", "video", "audio", "canvas", "object", "datalist"];
/// Inline elements whose content is not prose.
const INLINE_SKIP: &[&str] = &["code", "kbd", "samp", "var", "tt", "svg", "math", "del", "s", "strike", "button"];
/// What `<head>` may hold; anything else opens the body.
const HEAD_CONTENT: &[&str] =
    &["meta", "link", "title", "style", "script", "noscript", "base", "template", "basefont", "bgsound"];
/// Elements that end the run before them and start a new one.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frameset",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "optgroup",
    "option",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];
/// Inline elements that stand for something (a superscript, an image): a placeholder, so that
/// "10<sup>6</sup>" is not read as 106.
const MARK: &[&str] = &["sup", "sub", "img", "input", "embed", "picture", "ruby", "rt", "rp"];

fn is(list: &[&str], name: &str) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

fn is_heading(name: &str) -> bool {
    matches!(name.as_bytes(), [b'h' | b'H', b'1'..=b'6'])
}

/// A tag, or a comment or declaration (no name).
struct Tag<'s> {
    name: Option<&'s str>,
    opens: bool,
    self_closing: bool,
    /// Where the attributes start (just after the name).
    attrs: usize,
    /// Just after the closing `>` (or the end of the file).
    end: usize,
}

// TAG := "<" NAME ATTRS ["/"] ">" | "</" NAME ATTRS ">" | "<!--" … "-->" | "<!" … ">" | "<?" … ">" | "</" NOT-LETTER … ">"
// NAME := ASCII-LETTER (ASCII-ALNUM | "-" | ":" | "_")*
/// The tag opening at `src[at] == '<'`, or `None` when that `<` is text.
fn tag(src: &str, at: usize) -> Option<Tag<'_>> {
    let bytes = src.as_bytes();
    let after_gt =
        |from: usize| bytes.get(from..).and_then(|r| memchr::memchr(b'>', r)).map_or(src.len(), |i| from + i + 1);
    let other = |end| Tag { name: None, opens: false, self_closing: false, attrs: end, end };
    match bytes.get(at + 1)? {
        b'!' => {
            if bytes.get(at + 2..at + 4) == Some(b"--") {
                let body = at + 4;
                let end = match bytes.get(body..) {
                    Some([b'>', ..]) => body + 1,
                    Some([b'-', b'>', ..]) => body + 2,
                    _ => memchr::memmem::find(bytes.get(body..).unwrap_or_default(), b"-->")
                        .map_or(src.len(), |i| body + i + 3),
                };
                Some(other(end))
            } else {
                Some(other(after_gt(at + 2)))
            }
        }
        b'?' => Some(other(after_gt(at + 2))),
        b'/' => {
            let next = bytes.get(at + 2)?; // "</" at the end of the file is text
            if !next.is_ascii_alphabetic() {
                return Some(other(after_gt(at + 2))); // "</>" or a bogus comment
            }
            let (name, attrs) = name(src, at + 2);
            let (end, _) = attributes_end(bytes, attrs);
            Some(Tag { name: Some(name), opens: false, self_closing: false, attrs, end })
        }
        c if c.is_ascii_alphabetic() => {
            let (name, attrs) = name(src, at + 1);
            let (end, self_closing) = attributes_end(bytes, attrs);
            Some(Tag { name: Some(name), opens: true, self_closing, attrs, end })
        }
        _ => None,
    }
}

fn name(src: &str, from: usize) -> (&str, usize) {
    let bytes = src.as_bytes();
    let len = bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_'))
        .count();
    (src.get(from..from + len).unwrap_or(""), from + len)
}

// ATTRS := (SPACE | "/" | ATTR-NAME [SPACE* "=" SPACE* VALUE])* ; VALUE := '"' … '"' | "'" … "'" | UNQUOTED
/// Just after the `>` closing a tag whose attributes start at `from`, and whether it ends "/>";
/// a quoted `>` does not close it. A tag left open runs to the end of the file.
fn attributes_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut i = from;
    let mut slash = false;
    while let Some(&c) = bytes.get(i) {
        match c {
            b'>' => return (i + 1, slash),
            b'=' => {
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = bytes.get(i) {
                    match bytes.get(i + 1..).and_then(|r| memchr::memchr(q, r)) {
                        Some(close) => i += close + 2,
                        None => return (bytes.len(), false),
                    }
                }
                slash = false;
            }
            b'/' => {
                slash = true;
                i += 1;
            }
            _ => {
                if !c.is_ascii_whitespace() {
                    slash = false;
                }
                i += 1;
            }
        }
    }
    (bytes.len(), false)
}

/// The value of attribute `wanted` of a start tag (entities left as written).
fn attribute<'s>(src: &'s str, tag: &Tag<'_>, wanted: &str) -> Option<&'s str> {
    let bytes = src.as_bytes();
    let mut i = tag.attrs;
    let end = tag.end;
    loop {
        while bytes.get(i).is_some_and(|c| c.is_ascii_whitespace() || *c == b'/') {
            i += 1;
        }
        if i >= end || bytes.get(i) == Some(&b'>') {
            return None;
        }
        let name_start = i;
        while bytes.get(i).is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/')) {
            i += 1;
        }
        let attr = src.get(name_start..i)?;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            if let Some(&q @ (b'"' | b'\'')) = bytes.get(i) {
                let close = bytes.get(i + 1..).and_then(|r| memchr::memchr(q, r)).map_or(end, |c| i + 1 + c);
                value = src.get(i + 1..close)?;
                i = close + 1;
            } else {
                let start = i;
                while bytes.get(i).is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>') {
                    i += 1;
                }
                value = src.get(start..i)?;
            }
        }
        if attr.eq_ignore_ascii_case(wanted) {
            return Some(value);
        }
    }
}

/// `<html lang>`, `<meta name|property|itemprop="…date…" content>`, `<meta http-equiv=
/// "content-language" content>`: what the page says of itself, when front matter did not.
fn metadata(src: &str, tag: &Tag<'_>, name: &str, front: &mut FrontMatter) {
    if name.eq_ignore_ascii_case("html") && front.lang.is_none() {
        front.lang = attribute(src, tag, "lang").and_then(Lang::parse);
    } else if name.eq_ignore_ascii_case("meta") {
        let key = ["name", "property", "itemprop", "http-equiv"].iter().find_map(|a| attribute(src, tag, a));
        let Some(key) = key else { return };
        let content = || attribute(src, tag, "content").unwrap_or("");
        const DATES: &[&str] = &[
            "date",
            "dcterms.date",
            "dc.date",
            "dcterms.issued",
            "article:published_time",
            "datepublished",
            "pubdate",
            "publish-date",
            "publication_date",
        ];
        if is(DATES, key) && front.date.is_none() {
            front.date = front_matter::parse_date(content());
        } else if is(&["content-language", "language", "lang"], key) && front.lang.is_none() {
            front.lang = Lang::parse(content());
        }
    }
}

/// Just after the end tag of raw-text element `name` whose content starts at `from` (the end of
/// the file when it has none).
fn raw_text_end(src: &str, from: usize, name: &str) -> usize {
    let bytes = src.as_bytes();
    let mut i = from;
    while let Some(rel) = bytes.get(i..).and_then(|r| memchr::memmem::find(r, b"</")) {
        let at = i + rel;
        let candidate = bytes.get(at + 2..at + 2 + name.len());
        let after = bytes.get(at + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes()))
            && after.is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'))
        {
            return attributes_end(bytes, at + 2 + name.len()).0;
        }
        i = at + 2;
    }
    src.len()
}

// ENTITY := "&" NAME ";" | "&#" DIGIT{1,8} [";"] | "&#" ("x" | "X") HEX{1,6} [";"]
/// The character an entity at `src[at] == '&'` stands for, and the offset after it; `None` for
/// an ampersand that is text ("AT&T", "&unknown;").
fn entity(src: &str, at: usize) -> Option<(usize, char)> {
    let bytes = src.as_bytes();
    let rest = bytes.get(at + 1..)?;
    if let Some(num) = rest.strip_prefix(b"#") {
        let (hex, digits) = match num.first() {
            Some(b'x' | b'X') => (true, num.get(1..)?),
            _ => (false, num),
        };
        let len = digits.iter().take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() }).count();
        if len == 0 || len > 8 {
            return None;
        }
        let code =
            u32::from_str_radix(std::str::from_utf8(digits.get(..len)?).ok()?, if hex { 16 } else { 10 }).ok()?;
        let semicolon = usize::from(digits.get(len) == Some(&b';'));
        let end = at + 2 + usize::from(hex) + len + semicolon;
        return Some((end, numeric(code)));
    }
    let len = rest.iter().take(32).take_while(|c| c.is_ascii_alphanumeric()).count();
    if rest.get(len) != Some(&b';') {
        return None; // "&amp" without ";" and "&" alone: left as written
    }
    let name = src.get(at + 1..at + 1 + len)?;
    Some((at + len + 2, named(name)?))
}

/// A numeric reference as browsers read it: C1 controls as Windows-1252, invalid code points as
/// U+FFFD.
fn numeric(code: u32) -> char {
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match code {
        0x80..=0x9f => CP1252.get((code - 0x80) as usize).copied().unwrap_or('\u{fffd}'),
        0 => '\u{fffd}',
        _ => char::from_u32(code).unwrap_or('\u{fffd}'),
    }
}

/// The named entities a French or English draft uses.
fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "hairsp" => '\u{200a}',
        "NoBreak" => '\u{2060}',
        "shy" => '\u{ad}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "ndash" => '–',
        "mdash" => '—',
        "minus" => '−',
        "hellip" | "mldr" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "prime" => '′',
        "Prime" => '″',
        "bull" => '•',
        "middot" => '·',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "curren" => '¤',
        "dollar" => '$',
        "percnt" => '%',
        "permil" => '‰',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "ordf" => 'ª',
        "ordm" => 'º',
        "numero" => '№',
        "sect" => '§',
        "para" => '¶',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "iexcl" => '¡',
        "iquest" => '¿',
        "micro" => 'µ',
        "agrave" => 'à',
        "Agrave" => 'À',
        "aacute" => 'á',
        "Aacute" => 'Á',
        "acirc" => 'â',
        "Acirc" => 'Â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "egrave" => 'è',
        "Egrave" => 'È',
        "eacute" => 'é',
        "Eacute" => 'É',
        "ecirc" => 'ê',
        "Ecirc" => 'Ê',
        "euml" => 'ë',
        "Euml" => 'Ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "Icirc" => 'Î',
        "iuml" => 'ï',
        "Iuml" => 'Ï',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "Ocirc" => 'Ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "oslash" => 'ø',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        "szlig" => 'ß',
        "ugrave" => 'ù',
        "Ugrave" => 'Ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "Ucirc" => 'Û',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "yacute" => 'ý',
        "yuml" => 'ÿ',
        "Yuml" => 'Ÿ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<String> {
        let mut front = FrontMatter::default();
        runs(src, 0, &mut front).iter().map(|r| format!("{}{}", if r.heading { "# " } else { "" }, r.text)).collect()
    }

    #[test]
    fn reads_prose() {
        for (src, want) in [
            ("<p>Un <b>deux</b> <a href=\"/x/2024\" title=\"5 ans\">trois</a>.</p>", vec!["Un deux trois."]),
            ("<h1>Titre 2024</h1><p>Texte.</p>", vec!["# Titre 2024", "Texte."]),
            ("<ul><li>un</li><li>deux</li></ul>", vec!["un", "deux"]),
            ("<table><tr><th>a</th><td>1</td></tr></table>", vec!["a", "1"]),
            ("<blockquote>cité</blockquote><figure><figcaption>légende</figcaption></figure>", vec!["cité", "légende"]),
            ("<dl><dt>terme</dt><dd>définition</dd></dl>", vec!["terme", "définition"]),
            ("<div>texte direct<div>imbriqué</div>suite</div>", vec!["texte direct", "imbriqué", "suite"]),
            ("<p>1&nbsp;000 &amp; 5&#8239;% &eacute;t&#xE9; &#146;</p>", vec!["1\u{a0}000 & 5\u{202f}% été ’"]),
            ("<p>AT&T &unknown; &amp sans point-virgule</p>", vec!["AT&T &unknown; &amp sans point-virgule"]),
            ("<p>1\n000 mots\r\nsuite</p>", vec!["1 000 mots suite"]),
            ("<p>a<br>b<br/>c</p>", vec!["a b c"]),
            ("<p>3 < 5 et 7 > 6</p>", vec!["3 < 5 et 7 > 6"]),
            ("<p>10<sup>6</sup> m</p>", vec!["10\u{2063}6\u{2063} m"]),
            ("<P CLASS=x>Majuscules</P>", vec!["Majuscules"]),
            ("<p>un<p>deux", vec!["un", "deux"]),
            ("texte nu", vec!["texte nu"]),
        ] {
            assert_eq!(texts(src), want, "{src:?}");
        }
    }

    #[test]
    fn leaves_out_what_is_not_prose() {
        for (src, want) in [
            ("<head><title>5 ans</title><style>p{x:1}</style></head><body><p>Texte</p></body>", vec!["Texte"]),
            ("<html><head><meta charset=utf-8><title>x</title><p>Sans fin de head</p>", vec!["Sans fin de head"]),
            ("<p>a<script>if (a < b) { s = '</p><p>12'; }</script>b</p>", vec!["a\u{2063}b"]),
            ("<p>Le code <code>x = 295</code> et <kbd>Ctrl</kbd>.</p>", vec!["Le code \u{2063} et \u{2063}."]),
            ("<pre>295 sur 270\n<code>1</code></pre><p>Texte</p>", vec!["Texte"]),
            ("<template><p>12</p></template><noscript>13</noscript><p>ok</p>", vec!["ok"]),
            ("<p>x<svg><text>12</text><svg><text>13</text></svg></svg>y</p>", vec!["x\u{2063}y"]),
            ("<p>Il y a <del>12</del> 13 cas</p>", vec!["Il y a \u{2063} 13 cas"]),
            ("<p>a<!-- 12 <p>b</p> -->c</p>", vec!["ac"]),
            ("<!DOCTYPE html><?xml x?><p>a</p>", vec!["a"]),
            ("<p>voir https://x.fr/2024 ici</p>", vec!["voir \u{2063} ici"]),
            ("<p><img src=\"a.png\" alt=\"3 chats\"> ok</p>", vec!["\u{2063} ok"]),
            ("<p title='a > b'>texte</p>", vec!["texte"]),
        ] {
            assert_eq!(texts(src), want, "{src:?}");
        }
    }

    #[test]
    fn survives_malformed_html() {
        for (src, want) in [
            ("<p class=\"x>texte</p>", vec![]),
            ("<p>texte<", vec!["texte<"]),
            ("<p>texte</", vec!["texte</"]),
            ("<p>a</>b</ p>c", vec!["abc"]),
            ("<p>a<!-->b", vec!["ab"]),
            ("<p>a<!--->b", vec!["ab"]),
            ("<p>a<!-- sans fin", vec!["a"]),
            ("<p>a<script>jamais fermé", vec!["a\u{2063}"]),
            ("<p>a<code>jamais fermé", vec!["a"]),
            ("</code></pre></head><p>x</p>", vec!["x"]),
            ("<p>&#0; &#xD800; &#99999999; &#x110000;</p>", vec!["\u{fffd} \u{fffd} \u{fffd} \u{fffd}"]),
            ("<p>&", vec!["&"]),
            ("<p>é<b>è</b>ç", vec!["éèç"]),
        ] {
            assert_eq!(texts(src), want, "{src:?}");
        }
        let deep = format!("{}x 5{}", "<div><blockquote>".repeat(10_000), "</blockquote></div>".repeat(10_000));
        assert_eq!(texts(&deep), vec!["x 5"]);
        let line = "<p>Le 3.5 et <b>1 000</b> mots &amp; https://x.fr/a.</p>".repeat(40_000);
        assert_eq!(texts(&line).len(), 40_000);
    }

    #[test]
    fn maps_every_piece_to_the_file() {
        let src = "<p class=\"a\">Le <b>5</b>&nbsp;nov.\n2024 &amp; <code>x</code> fin</p>";
        let mut front = FrontMatter::default();
        for run in runs(src, 0, &mut front) {
            for p in &run.pieces {
                let text = &run.text[p.text_start..p.text_start + p.len];
                let original = &src[p.src_start..p.src_end];
                assert!(
                    p.exact && text == original || matches!(original, "&nbsp;" | "\n" | "&amp;" | "<code>x</code>")
                );
            }
            assert_eq!(
                run.span(0, run.text.len()).text(src),
                Some("Le <b>5</b>&nbsp;nov.\n2024 &amp; <code>x</code> fin")
            );
        }
    }

    #[test]
    fn reads_page_metadata() {
        for (src, lang, date) in [
            ("<html lang=\"fr-FR\"><p>x</p>", Some(Lang::Fr), None),
            ("<html LANG=en><p>x</p>", Some(Lang::En), None),
            (
                "<head><meta property=\"article:published_time\" content=\"2024-11-20T10:00:00+01:00\"></head>",
                None,
                chrono::NaiveDate::from_ymd_opt(2024, 11, 20),
            ),
            (
                "<meta name='date' content='2024-11-21'><meta http-equiv=content-language content=fr>",
                Some(Lang::Fr),
                chrono::NaiveDate::from_ymd_opt(2024, 11, 21),
            ),
            ("<html lang=de><meta name=date content=demain>", None, None),
        ] {
            let mut front = FrontMatter::default();
            runs(src, 0, &mut front);
            assert_eq!((front.lang, front.date), (lang, date), "{src}");
        }
        // Front matter wins.
        let mut front = FrontMatter { lang: Some(Lang::En), ..FrontMatter::default() };
        runs("<html lang=fr>", 0, &mut front);
        assert_eq!(front.lang, Some(Lang::En));
    }

    #[test]
    fn reads_entities() {
        for (src, want) in [
            ("&amp;", Some((5, '&'))),
            ("&nbsp;x", Some((6, '\u{a0}'))),
            ("&#160;", Some((6, '\u{a0}'))),
            ("&#xa0;", Some((6, '\u{a0}'))),
            ("&#X202F;", Some((8, '\u{202f}'))),
            ("&#160 x", Some((5, '\u{a0}'))),
            ("&#150;", Some((6, '–'))),
            ("&laquo;", Some((7, '«'))),
        ] {
            assert_eq!(entity(src, 0), want, "{src}");
        }
        for no in ["&", "& ", "&amp", "&foo;", "&#;", "&#x;", "&#123456789;", "&AMp;"] {
            assert_eq!(entity(no, 0), None, "{no}");
        }
    }
}
