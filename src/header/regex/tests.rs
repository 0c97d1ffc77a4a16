use super::*;

/// Compiles `pat` with `cflags`, matches `s`, and gives the offsets of
/// group 0 and every group, or the error code.
fn run(pat: &str, cflags: c_int, s: &str) -> Result<std::vec::Vec<(isize, isize)>, c_int> {
    let mut re = regex_t::empty();
    // SAFETY: valid pointers and lengths.
    unsafe {
        let r = regncomp(&mut re, pat.as_ptr().cast(), pat.len(), cflags);
        if r != 0 {
            return Err(r);
        }
        let mut m = std::vec![regmatch_t { rm_so: -2, rm_eo: -2 }; re.re_nsub + 1];
        let r = regnexec(&re, s.as_ptr().cast(), s.len(), m.len(), m.as_mut_ptr(), 0);
        regfree(&mut re);
        if r != 0 {
            return Err(r);
        }
        Ok(m.iter().map(|m| (m.rm_so, m.rm_eo)).collect())
    }
}

fn ere(pat: &str, s: &str) -> Result<std::vec::Vec<(isize, isize)>, c_int> {
    run(pat, REG_EXTENDED, s)
}

#[test]
fn leftmost_longest() {
    assert_eq!(ere("a|ab|abc", "xabcd"), Ok(std::vec![(1, 4)]));
    assert_eq!(ere("b*", "abbb"), Ok(std::vec![(0, 0)]));
    assert_eq!(ere("(a|b)*c", "xxabac"), Ok(std::vec![(2, 6), (4, 5)]));
    assert_eq!(ere("x", "abc"), Err(REG_NOMATCH));
}

#[test]
fn posix_subexpressions() {
    assert_eq!(ere("(a|ab)(c|bcd)(d*)", "abcd"), Ok(std::vec![(0, 4), (0, 2), (2, 3), (3, 4)]));
    assert_eq!(ere("(a*)*", "b"), Ok(std::vec![(0, 0), (0, 0)]));
    assert_eq!(ere("(a*)+", "b"), Ok(std::vec![(0, 0), (0, 0)]));
    assert_eq!(ere("(a*)*", "aa"), Ok(std::vec![(0, 2), (0, 2)]));
    assert_eq!(ere("a*(a*)", "aa"), Ok(std::vec![(0, 2), (2, 2)]));
    assert_eq!(ere("(a*){2}", "a"), Ok(std::vec![(0, 1), (1, 1)]));
    assert_eq!(ere("(.?)*", "abc"), Ok(std::vec![(0, 3), (2, 3)]));
    assert_eq!(ere("(a|(b))*", "ba"), Ok(std::vec![(0, 2), (1, 2), (-1, -1)]));
    assert_eq!(ere("(a|ab)(bc|c)", "abc"), Ok(std::vec![(0, 3), (0, 2), (2, 3)]));
    assert_eq!(ere("((a)|b)+", "ab"), Ok(std::vec![(0, 2), (1, 2), (-1, -1)]));
}

#[test]
fn basic_syntax() {
    assert_eq!(run("\\(a*\\)b", 0, "xaab"), Ok(std::vec![(1, 4), (1, 3)]));
    assert_eq!(run("*a", 0, "x*a"), Ok(std::vec![(1, 3)]));
    assert_eq!(run("^*", 0, "*"), Ok(std::vec![(0, 1)]));
    assert_eq!(run("a\\{2\\}", 0, "aaa"), Ok(std::vec![(0, 2)]));
    assert_eq!(run("a**", 0, "a"), Err(Error::Badrpt as c_int));
    assert_eq!(run("\\(a\\)\\1", 0, "xaa"), Ok(std::vec![(1, 3), (1, 2)]));
    assert_eq!(run("a$b", 0, "a$b"), Ok(std::vec![(0, 3)]));
}

#[test]
fn errors() {
    for (pat, e) in [
        ("a{1", Error::Brace),
        ("a{2,1}", Error::Badbr),
        ("a{256}", Error::Badbr),
        ("*a", Error::Badrpt),
        ("(a", Error::Paren),
        ("[a", Error::Brack),
        ("[[:foo:]]", Error::Ctype),
        ("[[.ab.]]", Error::Collate),
        ("[z-a]", Error::Range),
        ("a\\", Error::Escape),
        ("(a)\\2", Error::Subreg),
    ] {
        assert_eq!(ere(pat, ""), Err(e as c_int), "{pat}");
    }
}

#[test]
fn brackets_and_flags() {
    assert_eq!(ere("[[:digit:]]+", "ab123c"), Ok(std::vec![(2, 5)]));
    assert_eq!(ere("[]a]+", "x]a]"), Ok(std::vec![(1, 4)]));
    assert_eq!(ere("[^a-c]", "abcd"), Ok(std::vec![(3, 4)]));
    assert_eq!(run("ABC", REG_EXTENDED | REG_ICASE, "xabc"), Ok(std::vec![(1, 4)]));
    assert_eq!(run("[b-c]+", REG_EXTENDED | REG_ICASE, "aBCb"), Ok(std::vec![(1, 4)]));
    assert_eq!(run("^b", REG_EXTENDED | REG_NEWLINE, "a\nb"), Ok(std::vec![(2, 3)]));
    assert_eq!(run("a.b", REG_EXTENDED | REG_NEWLINE, "a\nb"), Err(REG_NOMATCH));
    assert_eq!(run("a$", REG_EXTENDED | REG_NEWLINE, "a\nb"), Ok(std::vec![(0, 1)]));
}

#[test]
fn pathological_patterns_stay_fast() {
    let long = "a".repeat(10_000);
    let t = std::time::Instant::now();
    assert_eq!(ere("(a*)*b", &long), Err(REG_NOMATCH));
    assert_eq!(ere("(a|aa)*c", &long), Err(REG_NOMATCH));
    assert_eq!(ere("a{0,255}{0,255}", &long).unwrap()[0], (0, 10_000));
    assert!(t.elapsed().as_secs() < 5);
}
