//! What kind of syntax error a RON parser reported, so the UI can say it in the reader's
//! language. The parser's own words stay in [`super::FormatError::Syntax`]'s `message`.

/// The kind of a RON syntax or shape error: the common ones by name, the rest [`Self::Other`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    /// The file ends in the middle of something (it was cut off).
    UnexpectedEnd,
    /// A `:` is missing after a field name.
    MissingColon,
    /// A `,` is missing between two entries.
    MissingComma,
    /// An opening or closing bracket is missing: `(`, `)`, `[`, `]`, `{` or `}`.
    MissingBracket(char),
    /// A string has no closing `"`.
    UnclosedString,
    /// A `/* … */` comment is not closed.
    UnclosedComment,
    /// A character that does not belong where it is.
    UnexpectedChar(char),
    /// Something follows the end of the file's content.
    TrailingCharacters,
    /// A value of the wrong kind (text where a number belongs, a list where a name belongs…).
    WrongValue,
    /// A field the format requires is missing: its name.
    MissingField(String),
    /// A field the format does not have: its name as written.
    UnknownField(String),
    /// A field given twice: its name.
    DuplicateField(String),
    /// A value that is not one of the allowed names (an unknown item state): as written.
    UnknownVariant(String),
    /// A number too large or too small for its field.
    NumberOutOfRange,
    /// Nested deeper than [`super::limits::MAX_NESTING`].
    TooDeep,
    /// A string holds an invalid escape sequence.
    InvalidEscape,
    /// Anything else: only the parser's own words describe it.
    Other,
}

impl SyntaxKind {
    /// The kind of a RON error.
    ///
    /// # Example
    /// ```
    /// use study_companion::format::SyntaxKind;
    /// assert_eq!(SyntaxKind::of(&ron::Error::ExpectedMapColon), SyntaxKind::MissingColon);
    /// ```
    pub fn of(error: &ron::Error) -> Self {
        use ron::Error as E;
        match error {
            E::Eof => Self::UnexpectedEnd,
            E::ExpectedMapColon => Self::MissingColon,
            E::ExpectedComma => Self::MissingComma,
            E::ExpectedArray => Self::MissingBracket('['),
            E::ExpectedArrayEnd => Self::MissingBracket(']'),
            E::ExpectedMap => Self::MissingBracket('{'),
            E::ExpectedMapEnd => Self::MissingBracket('}'),
            E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => Self::MissingBracket('('),
            E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => Self::MissingBracket(')'),
            E::ExpectedStringEnd => Self::UnclosedString,
            E::UnclosedBlockComment => Self::UnclosedComment,
            E::UnexpectedChar(c) => Self::UnexpectedChar(*c),
            E::TrailingCharacters => Self::TrailingCharacters,
            E::ExpectedBoolean
            | E::ExpectedChar
            | E::ExpectedFloat
            | E::ExpectedInteger
            | E::ExpectedOption
            | E::ExpectedUnit
            | E::ExpectedString
            | E::ExpectedByteString
            | E::ExpectedIdentifier
            | E::ExpectedDifferentStructName { .. }
            | E::ExpectedStructName(_)
            | E::InvalidValueForType { .. }
            | E::ExpectedDifferentLength { .. } => Self::WrongValue,
            E::MissingStructField { field, .. } => Self::MissingField((*field).to_owned()),
            E::NoSuchStructField { found, .. } => Self::UnknownField(found.clone()),
            E::DuplicateStructField { field, .. } => Self::DuplicateField((*field).to_owned()),
            E::NoSuchEnumVariant { found, .. } => Self::UnknownVariant(found.clone()),
            E::IntegerOutOfBounds => Self::NumberOutOfRange,
            E::ExceededRecursionLimit => Self::TooDeep,
            E::InvalidEscape(_) => Self::InvalidEscape,
            _ => Self::Other,
        }
    }

    /// The kind of a RON error in `text`. A comma, bracket or value missing at the very end
    /// of the text means the file was cut off: [`Self::UnexpectedEnd`].
    pub fn of_spanned(error: &ron::error::SpannedError, text: &str) -> Self {
        let kind = Self::of(&error.code);
        let expects_more = matches!(
            kind,
            Self::MissingComma | Self::MissingColon | Self::MissingBracket(_) | Self::WrongValue
        );
        let end = text.trim_end();
        let end_line = 1 + end.matches('\n').count();
        let end_col = 1 + end.rsplit('\n').next().unwrap_or_default().chars().count();
        // The span ends where the parser stopped looking.
        let at = (error.span.end.line, error.span.end.col);
        if expects_more && at >= (end_line, end_col) {
            Self::UnexpectedEnd
        } else {
            kind
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{FormatError, read};

    fn kind_of(text: &str) -> (usize, usize, SyntaxKind, String) {
        match read(text.as_bytes()) {
            Err(FormatError::Syntax {
                line,
                col,
                kind,
                message,
            }) => (line, col, kind, message),
            other => panic!("not a syntax error: {other:?}"),
        }
    }

    #[test]
    fn common_errors_have_a_kind() {
        let cases = [
            (ron::Error::Eof, SyntaxKind::UnexpectedEnd),
            (ron::Error::ExpectedComma, SyntaxKind::MissingComma),
            (
                ron::Error::ExpectedArrayEnd,
                SyntaxKind::MissingBracket(']'),
            ),
            (
                ron::Error::ExpectedStructLikeEnd,
                SyntaxKind::MissingBracket(')'),
            ),
            (ron::Error::ExpectedStringEnd, SyntaxKind::UnclosedString),
            (
                ron::Error::UnexpectedChar('@'),
                SyntaxKind::UnexpectedChar('@'),
            ),
            (ron::Error::ExceededRecursionLimit, SyntaxKind::TooDeep),
            (
                ron::Error::Message("bad time".to_owned()),
                SyntaxKind::Other,
            ),
        ];
        for (error, kind) in cases {
            assert_eq!(SyntaxKind::of(&error), kind, "{error}");
        }
    }

    #[test]
    fn real_files_report_kind_position_and_the_parsers_words() {
        let (line, col, kind, message) =
            kind_of("ProgressFile(format: 3, student: (id: \"x\", name \"张三\"))");
        assert_eq!((line, kind), (1, SyntaxKind::MissingColon));
        assert!(col > 40, "{col}");
        assert_eq!(message, "Expected colon", "the parser's words are kept");

        let (_, _, kind, _) = kind_of("ProgressFile(format: 3, student: (id: \"x\", name: \"张");
        assert_eq!(kind, SyntaxKind::UnclosedString);

        // Cut off after a value: ron expects a comma; the file simply ends.
        for cut in [
            "ProgressFile(format: 3, student: (id: \"x\", name: \"张\")",
            "ProgressFile(format: 3, student: (id: \"x\", name: \"张\")\n\n",
            "ProgressFile(format: 3, student: (id: \"x\", name:",
            "ProgressFile(\n  format: 3,\n  student: (\n",
        ] {
            let (line, col, kind, _) = kind_of(cut);
            assert_eq!(kind, SyntaxKind::UnexpectedEnd, "{cut:?} {line}:{col}");
        }
        // A comma missing in the middle is a missing comma.
        let (_, _, kind, _) = kind_of("ProgressFile(format: 3 student: (id: \"x\", name: \"张\"))");
        assert_eq!(kind, SyntaxKind::MissingComma);

        let (_, _, kind, _) = kind_of("ProgressFile(format: 3)");
        assert_eq!(kind, SyntaxKind::MissingField("student".to_owned()));

        let (line, _, kind, _) = kind_of(
            "ProgressFile(\n  format: 3,\n  student: (id: \"x\", name: \"张\"),\n  \
             progress: (items: {\"a\": (state: Finished)}),\n)",
        );
        assert_eq!(line, 4);
        assert_eq!(kind, SyntaxKind::UnknownVariant("Finished".to_owned()));
    }
}
