/// Scripting, query and schema languages: `#` or `--` comments, words as keywords.
extension CodeLanguage {
    static let python = CodeLanguage {
        $0.lineComments = [Array("#".utf8)]
        $0.strings = [
            StringDelimiter("\"\"\"", .stringDouble, multiline: true),
            StringDelimiter("'''", .stringSingle, multiline: true),
            .double, .single,
        ]
        $0.stringPrefixes = Set("rbuf".utf8)
        $0.keywords = words(
            "as assert async await break continue del elif else except finally for global if lambda nonlocal pass raise return try while with yield match case"
        )
        $0.declarations = words("def class")
        $0.namespaces = words("import from")
        $0.constants = words("True False None")
        $0.operatorWords = words("and in is not or")
        $0.builtins = words(
            "abs all any bool bytes dict dir enumerate filter float format getattr hasattr int isinstance len list map max min next object open print range repr reversed round self set sorted str sum super tuple type zip"
        )
        $0.functionIntroducers = words("def")
        $0.classIntroducers = words("class")
        $0.decorators = true
    }

    static let ruby = CodeLanguage {
        $0.lineComments = [Array("#".utf8)]
        $0.keywords = words(
            "alias and begin break case def defined? do else elsif end ensure for if in module next not or redo rescue retry return self super then undef unless until when while yield class"
        )
        $0.namespaces = words("require require_relative include extend")
        $0.constants = words("true false nil")
        $0.builtins = words(
            "puts print attr_accessor attr_reader attr_writer raise lambda proc private protected public new")
        $0.identifierBytes = [UInt8(ascii: "?"), UInt8(ascii: "!")]
        $0.functionIntroducers = words("def")
        $0.classIntroducers = words("class module")
        $0.symbols = true
        $0.capitalizedAreClasses = true
    }

    static let shell = CodeLanguage {
        $0.lineComments = [Array("#".utf8)]
        $0.commentsNeedWordStart = true
        $0.strings = [
            StringDelimiter("\"", .stringDouble, multiline: true),
            StringDelimiter("'", .stringSingle, escapes: false, multiline: true),
            StringDelimiter("`", .stringBacktick, multiline: true),
        ]
        $0.keywords = words(
            "case do done elif else esac fi for function if in select then time until while return exit")
        $0.builtins = words(
            "alias bg bind break builtin cd command continue declare echo eval exec export false getopts hash jobs kill let local printf pwd read readonly set shift source test trap true type ulimit umask unalias unset wait sudo"
        )
        $0.identifierBytes = [UInt8(ascii: "-"), UInt8(ascii: ".")]
        $0.dollarVariables = true
        $0.commandOptions = true
        $0.identifierKind = .text
    }

    static let sql = CodeLanguage {
        $0.lineComments = [Array("--".utf8)]
        $0.blockComment = (Array("/*".utf8), Array("*/".utf8))
        $0.strings = [
            StringDelimiter("'", .stringSingle, escapes: false, multiline: true),
            StringDelimiter("\"", .nameVariable, escapes: false), StringDelimiter("`", .nameVariable, escapes: false),
        ]
        $0.caseInsensitive = true
        $0.keywords = words(
            "add all alter and any as asc begin between by case cascade check column commit constraint create cross database default delete desc distinct drop else end exists explain foreign from full group having if in index inner insert into is join key left like limit not null offset on or order outer primary references returning right rollback select set table then transaction truncate union unique update using values view when where with"
        )
        $0.types = words(
            "bigint binary bit blob boolean char date datetime decimal double float int integer interval json jsonb numeric real serial smallint text time timestamp uuid varchar"
        )
        $0.constants = words("true false")
        $0.builtins = words("avg coalesce count max min now sum lower upper length cast")
        $0.callsAreFunctions = true
    }

    static let graphql = CodeLanguage {
        $0.lineComments = [Array("#".utf8)]
        $0.strings = [StringDelimiter("\"\"\"", .stringDouble, multiline: true), .double]
        $0.keywords = words("query mutation subscription fragment on schema extend implements directive repeatable")
        $0.declarations = words("type interface union enum input scalar")
        $0.constants = words("true false null")
        $0.types = words("Int Float String Boolean ID")
        $0.dollarVariables = true
        $0.decorators = true
        $0.classIntroducers = words("type interface union enum input scalar fragment on")
        $0.capitalizedAreClasses = true
        $0.identifierKind = .name
    }
}
