/// A token's kind, named by the short CSS class Pygments and Rouge give it (`k` keyword, `s2` double-quoted
/// string, `c1` line comment…), so any Rouge or Pygments theme stylesheet colours Docent's output unchanged.
/// `text` is written without a span, as Rouge writes it.
public enum TokenKind: String, Sendable, CaseIterable {
    case text = ""
    case whitespace = "w"
    case error = "err"

    case keyword = "k"
    case keywordConstant = "kc"
    case keywordDeclaration = "kd"
    case keywordNamespace = "kn"
    case keywordPseudo = "kp"
    case keywordType = "kt"

    case name = "n"
    case nameAttribute = "na"
    case nameBuiltin = "nb"
    case nameClass = "nc"
    case nameConstant = "no"
    case nameDecorator = "nd"
    case nameEntity = "ni"
    case nameFunction = "nf"
    case nameLabel = "nl"
    case nameNamespace = "nn"
    case nameOther = "nx"
    case nameProperty = "py"
    case nameTag = "nt"
    case nameVariable = "nv"

    case literal = "l"
    case string = "s"
    case stringBacktick = "sb"
    case stringDouble = "s2"
    case stringEscape = "se"
    case stringInterpolation = "si"
    case stringOther = "sx"
    case stringRegex = "sr"
    case stringSingle = "s1"
    case stringSymbol = "ss"

    case number = "m"
    case numberBinary = "mb"
    case numberFloat = "mf"
    case numberHex = "mh"
    case numberInteger = "mi"
    case numberOctal = "mo"

    case `operator` = "o"
    case operatorWord = "ow"
    case punctuation = "p"
    case punctuationIndicator = "pi"

    case comment = "c"
    case commentMultiline = "cm"
    case commentPreproc = "cp"
    case commentSingle = "c1"
    case commentSpecial = "cs"

    case genericDeleted = "gd"
    case genericHeading = "gh"
    case genericInserted = "gi"
    case genericOutput = "go"
    case genericPrompt = "gp"
    case genericStrong = "gs"
    case genericEmphasis = "ge"
    case genericSubheading = "gu"

    /// The CSS class written on the token's span ("" for plain text, which gets no span).
    public var cssClass: String { rawValue }
}

/// A run of the input with one kind: UTF-8 byte offsets into the code.
public struct Token: Equatable, Sendable {
    public var kind: TokenKind
    public var range: Range<Int>
}
