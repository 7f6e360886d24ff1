//! The one rule for web links: only `http` and `https` with a host.
//!
//! The build uses it to validate the curriculum, and the app uses it again before it hands any
//! link (curriculum or a student's note) to the system browser.

/// Why a link may not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// The text is not a URL at all.
    #[error("not a valid URL ({0})")]
    Malformed(String),

    /// The URL uses a scheme other than http or https (`file:`, `javascript:`, …).
    #[error("the scheme `{0}` is not allowed, only http and https")]
    Scheme(String),

    /// An http(s) URL without a host.
    #[error("the URL has no host")]
    NoHost,
}

/// Checks that `text` is a well-formed `http` or `https` URL with a host.
///
/// # Example
/// ```
/// use study_companion::curriculum::check_web_url;
/// assert!(check_web_url("https://www.bilibili.com/video/BV1nt411r7tj?p=5").is_ok());
/// assert!(check_web_url("javascript:alert(1)").is_err());
/// assert!(check_web_url("file:///etc/passwd").is_err());
/// ```
pub fn check_web_url(text: &str) -> Result<(), LinkError> {
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(LinkError::Malformed(
            "it contains spaces or control characters".to_owned(),
        ));
    }
    let url = url::Url::parse(text).map_err(|err| LinkError::Malformed(err.to_string()))?;
    match url.scheme() {
        "http" | "https" => {}
        other => return Err(LinkError::Scheme(other.to_owned())),
    }
    match url.host_str() {
        Some(host) if !host.is_empty() => Ok(()),
        _ => Err(LinkError::NoHost),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_web_links() {
        assert_eq!(check_web_url("http://example.com"), Ok(()));
        assert_eq!(
            check_web_url("https://blog.csdn.net/weixin_46211269/article/details/119934323?"),
            Ok(())
        );
    }

    #[test]
    fn refuses_everything_else() {
        assert_eq!(
            check_web_url("file:///etc/passwd"),
            Err(LinkError::Scheme("file".to_owned()))
        );
        assert_eq!(
            check_web_url("javascript:alert(1)"),
            Err(LinkError::Scheme("javascript".to_owned()))
        );
        assert!(matches!(
            check_web_url("example.com/page"),
            Err(LinkError::Malformed(_))
        ));
        assert!(matches!(
            check_web_url("https://exa mple.com"),
            Err(LinkError::Malformed(_))
        ));
        assert!(check_web_url("https://").is_err());
    }
}
