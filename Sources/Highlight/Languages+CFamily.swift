/// The languages with C's shape: `//` and `/* */` comments, braces, `"` strings.
extension CodeLanguage {
    private static func slashComments(_ language: inout CodeLanguage) {
        language.lineComments = [Array("//".utf8)]
        language.blockComment = (Array("/*".utf8), Array("*/".utf8))
    }

    static let c = CodeLanguage {
        slashComments(&$0)
        $0.preprocessor = true
        $0.keywords = words(
            "auto break case continue default do else extern for goto if inline register restrict return sizeof static switch typedef volatile while _Alignas _Alignof _Atomic _Generic _Noreturn _Static_assert _Thread_local"
        )
        $0.declarations = words("const enum struct union")
        $0.types = words(
            "bool char double float int long short signed unsigned void size_t ssize_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t uintptr_t ptrdiff_t FILE"
        )
        $0.constants = words("NULL true false")
        $0.callsAreFunctions = true
    }

    static let cpp = CodeLanguage {
        $0 = c
        $0.keywords.formUnion(
            words(
                "catch class constexpr consteval constinit co_await co_return co_yield decltype delete explicit export friend mutable new noexcept operator private protected public requires static_assert template this throw try typeid typename using virtual override final concept"
            ))
        $0.namespaces = words("namespace")
        $0.types.formUnion(words("auto wchar_t char8_t char16_t char32_t string"))
        $0.constants = words("nullptr NULL true false")
        $0.classIntroducers = words("class struct")
    }

    static let csharp = CodeLanguage {
        slashComments(&$0)
        $0.preprocessor = true
        $0.strings = [
            StringDelimiter("\"\"\"", .stringDouble, multiline: true), .double, StringDelimiter("'", .stringSingle),
        ]
        $0.stringPrefixes = [UInt8(ascii: "@"), UInt8(ascii: "$")]
        $0.keywords = words(
            "abstract as async await base break case catch checked continue default delegate do else event explicit extern finally fixed for foreach goto if implicit in is lock new operator out override params private protected public readonly ref return sealed sizeof stackalloc static switch this throw try typeof unchecked unsafe virtual volatile when where while yield get set init required"
        )
        $0.declarations = words("class const enum interface record struct var")
        $0.namespaces = words("namespace using")
        $0.types = words(
            "bool byte char decimal double dynamic float int long object sbyte short string uint ulong ushort void nint nuint"
        )
        $0.constants = words("true false null")
        $0.classIntroducers = words("class interface struct enum record")
        $0.decorators = false
        $0.capitalizedAreClasses = true
        $0.callsAreFunctions = true
    }

    static let java = CodeLanguage {
        slashComments(&$0)
        $0.strings = [StringDelimiter("\"\"\"", .stringDouble, multiline: true), .double, .single]
        $0.keywords = words(
            "assert break case catch continue default do else finally for if instanceof new return switch synchronized this super throw throws try while yield"
        )
        $0.declarations = words(
            "abstract class enum extends final implements interface native private protected public record static strictfp transient var volatile permits sealed"
        )
        $0.namespaces = words("import package")
        $0.types = words("boolean byte char double float int long short void")
        $0.constants = words("true false null")
        $0.classIntroducers = words("class interface enum record")
        $0.decorators = true
        $0.capitalizedAreClasses = true
        $0.callsAreFunctions = true
    }

    static let kotlin = CodeLanguage {
        slashComments(&$0)
        $0.nestedBlockComments = true
        $0.strings = [StringDelimiter("\"\"\"", .stringDouble, multiline: true), .double, .single]
        $0.keywords = words(
            "as break by catch continue do else finally for if in is return super this throw try when while get set where init constructor companion object"
        )
        $0.declarations = words(
            "abstract actual annotation class const data enum expect external final fun inline inner interface internal lateinit open operator out override private protected public sealed suspend tailrec typealias val var vararg"
        )
        $0.namespaces = words("import package")
        $0.constants = words("true false null")
        $0.functionIntroducers = words("fun")
        $0.classIntroducers = words("class interface object typealias")
        $0.decorators = true
        $0.capitalizedAreClasses = true
    }

    static let go = CodeLanguage {
        slashComments(&$0)
        $0.strings = [
            .double, StringDelimiter("`", .stringBacktick, escapes: false, multiline: true),
            StringDelimiter("'", .stringSingle),
        ]
        $0.keywords = words(
            "break case chan continue default defer else fallthrough for go goto if map range return select switch"
        )
        $0.declarations = words("const func interface struct type var")
        $0.namespaces = words("import package")
        $0.types = words(
            "any bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr"
        )
        $0.constants = words("true false nil iota")
        $0.builtins = words("append cap close complex copy delete imag len make new panic print println real recover")
        $0.functionIntroducers = words("func")
        $0.classIntroducers = words("type")
    }

    static let rust = CodeLanguage {
        slashComments(&$0)
        $0.nestedBlockComments = true
        $0.strings = [.double]
        $0.stringPrefixes = [UInt8(ascii: "b"), UInt8(ascii: "r")]
        $0.keywords = words(
            "as async await break continue crate dyn else extern for if impl in loop match move mut pub ref return self Self static super trait unsafe where while"
        )
        $0.declarations = words("const enum fn let struct type union")
        $0.namespaces = words("mod use")
        $0.types = words(
            "bool char f32 f64 i8 i16 i32 i64 i128 isize str u8 u16 u32 u64 u128 usize String Vec Option Result Box")
        $0.constants = words("true false None Some Ok Err")
        $0.functionIntroducers = words("fn")
        $0.classIntroducers = words("struct enum trait union type")
        $0.identifierBytes = [UInt8(ascii: "!")]
        $0.capitalizedAreClasses = true
    }

    static let swift = CodeLanguage {
        slashComments(&$0)
        $0.nestedBlockComments = true
        $0.strings = [StringDelimiter("\"\"\"", .stringDouble, multiline: true), .double]
        $0.keywords = words(
            "as async await break case catch continue default defer do else fallthrough for guard if in is repeat rethrows return self Self super switch throw throws try where while some any inout"
        )
        $0.declarations = words(
            "actor associatedtype class deinit enum extension fileprivate func init internal let open operator private protocol public static struct subscript typealias var final lazy mutating nonmutating override weak unowned convenience required indirect nonisolated"
        )
        $0.namespaces = words("import")
        $0.types = words(
            "Int Int8 Int16 Int32 Int64 UInt UInt8 UInt16 UInt32 UInt64 Double Float Bool String Character Void Any AnyObject Never"
        )
        $0.constants = words("true false nil")
        $0.functionIntroducers = words("func")
        $0.classIntroducers = words("class struct enum protocol extension actor typealias")
        $0.decorators = true
        $0.capitalizedAreClasses = true
    }

    static let javascript = CodeLanguage {
        slashComments(&$0)
        $0.strings = [.double, .single, StringDelimiter("`", .stringBacktick, multiline: true)]
        $0.keywords = words(
            "async await break case catch continue debugger default delete do else export extends finally for from if import in instanceof new of return static super switch this throw try typeof void while with yield"
        )
        $0.declarations = words("class const function get let set var")
        $0.constants = words("true false null undefined NaN Infinity")
        $0.builtins = words(
            "Array Boolean Date Error JSON Math Number Object Promise RegExp String Symbol Map Set console document window globalThis require module exports process"
        )
        $0.identifierBytes = [UInt8(ascii: "$")]
        $0.functionIntroducers = words("function")
        $0.classIntroducers = words("class extends")
        $0.identifierKind = .nameOther
    }

    static let typescript = CodeLanguage {
        $0 = javascript
        $0.keywords.formUnion(words("as satisfies implements keyof readonly declare abstract is infer asserts"))
        $0.declarations.formUnion(words("enum interface namespace type module private protected public"))
        $0.types = words("any boolean never number object string symbol unknown void bigint")
        $0.classIntroducers.formUnion(words("interface type enum"))
        $0.decorators = true
    }

    static let php = CodeLanguage {
        slashComments(&$0)
        $0.lineComments.append(Array("#".utf8))
        $0.markers = [Array("<?php".utf8), Array("<?=".utf8), Array("?>".utf8)]
        $0.keywords = words(
            "abstract and as break case catch clone continue declare default do echo else elseif empty enddeclare endfor endforeach endif endswitch endwhile extends final finally fn for foreach global goto if implements include include_once instanceof insteadof isset list match new or print private protected public readonly require require_once return static switch throw trait try unset while xor yield"
        )
        $0.declarations = words("class const enum function interface var")
        $0.namespaces = words("namespace use")
        $0.types = words("array bool callable float int iterable mixed object string void")
        $0.constants = words("true false null TRUE FALSE NULL")
        $0.dollarVariables = true
        $0.functionIntroducers = words("function fn")
        $0.classIntroducers = words("class interface trait enum extends implements")
        $0.callsAreFunctions = true
    }
}
