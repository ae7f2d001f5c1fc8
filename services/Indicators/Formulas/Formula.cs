using Platform.ServiceDefaults.Api;
using System.Globalization;

namespace Platform.Indicators.Formulas;

/// <summary>A mistake in a formula, at a 1-based character position.</summary>
public sealed class FormulaException(int position, string message) : Exception(message)
{
    public int Position { get; } = position;
    public string Describe() => $"at position {Position}: {Message}";
}

/// <summary>
/// The indicator formula language: decimal numbers, named variables, <c>+ - * /</c>, parentheses, unary minus,
/// and the functions <c>min</c>, <c>max</c>, <c>abs</c>, <c>round(x, places)</c> (half-up) and
/// <c>if(condition, then, else)</c>, whose condition compares two expressions with
/// <c>&lt; &lt;= &gt; &gt;= == !=</c>. Parsed into a tree once; evaluated in <see cref="decimal"/> only.
/// </summary>
public sealed class Formula
{
    private readonly Node _root;

    private Formula(string text, Node root, IReadOnlySet<string> variables)
    {
        Text = text;
        _root = root;
        Variables = variables;
    }

    public string Text { get; }

    /// <summary>Variable names the formula uses.</summary>
    public IReadOnlySet<string> Variables { get; }

    /// <summary>
    /// Parses <paramref name="text"/> and checks it: every variable must be in <paramref name="declared"/>
    /// (when given) and no division may be by a constant zero. Throws <see cref="FormulaException"/>.
    /// </summary>
    public static Formula Parse(string text, IReadOnlyCollection<string>? declared = null)
    {
        var parser = new Parser(text);
        var root = parser.ParseAll();
        var used = new HashSet<string>(StringComparer.Ordinal);
        Check(root, declared, used);
        return new Formula(text, root, used);
    }

    /// <summary>Evaluates with the given variable values; throws <see cref="FormulaException"/> on a missing
    /// value, a division by zero or an overflow.</summary>
    public decimal Evaluate(IReadOnlyDictionary<string, decimal> values)
    {
        try
        {
            return _root.Evaluate(values);
        }
        catch (OverflowException)
        {
            throw new FormulaException(1, "the result is too large");
        }
    }

    private static void Check(Node node, IReadOnlyCollection<string>? declared, HashSet<string> used)
    {
        switch (node)
        {
            case Variable v:
                if (declared is not null && !declared.Contains(v.Name))
                    throw new FormulaException(v.Position, declared.Count == 0
                        ? $"unknown variable '{v.Name}' (the indicator declares no variables)"
                        : $"unknown variable '{v.Name}' (declared: {string.Join(", ", declared)})");
                used.Add(v.Name);
                break;
            case Binary b:
                Check(b.Left, declared, used);
                Check(b.Right, declared, used);
                if (b.Op == '/' && IsConstant(b.Right) && SafeConstant(b.Right) == 0m)
                    throw new FormulaException(b.Position, "division by a constant zero");
                break;
            case Negate n:
                Check(n.Operand, declared, used);
                break;
            case Call c:
                foreach (var argument in c.Arguments) Check(argument, declared, used);
                break;
            case Comparison cmp:
                Check(cmp.Left, declared, used);
                Check(cmp.Right, declared, used);
                break;
        }
    }

    private static bool IsConstant(Node node) => node switch
    {
        Number => true,
        Variable => false,
        Binary b => IsConstant(b.Left) && IsConstant(b.Right),
        Negate n => IsConstant(n.Operand),
        Call c => c.Arguments.All(IsConstant),
        Comparison c => IsConstant(c.Left) && IsConstant(c.Right),
        _ => false,
    };

    private static decimal? SafeConstant(Node node)
    {
        try
        {
            return node.Evaluate(new Dictionary<string, decimal>());
        }
        catch (Exception e) when (e is FormulaException or OverflowException)
        {
            return null;
        }
    }

    private abstract record Node(int Position)
    {
        public abstract decimal Evaluate(IReadOnlyDictionary<string, decimal> values);
    }

    private sealed record Number(int Position, decimal Value) : Node(Position)
    {
        public override decimal Evaluate(IReadOnlyDictionary<string, decimal> values) => Value;
    }

    private sealed record Variable(int Position, string Name) : Node(Position)
    {
        public override decimal Evaluate(IReadOnlyDictionary<string, decimal> values) =>
            values.TryGetValue(Name, out var value) ? value : throw new FormulaException(Position, $"no value for variable '{Name}'");
    }

    private sealed record Negate(int Position, Node Operand) : Node(Position)
    {
        public override decimal Evaluate(IReadOnlyDictionary<string, decimal> values) => -Operand.Evaluate(values);
    }

    private sealed record Binary(int Position, char Op, Node Left, Node Right) : Node(Position)
    {
        public override decimal Evaluate(IReadOnlyDictionary<string, decimal> values)
        {
            var left = Left.Evaluate(values);
            var right = Right.Evaluate(values);
            return Op switch
            {
                '+' => left + right,
                '-' => left - right,
                '*' => left * right,
                '/' => right == 0m ? throw new FormulaException(Position, "division by zero") : left / right,
                _ => throw new InvalidOperationException(),
            };
        }
    }

    private sealed record Comparison(int Position, string Op, Node Left, Node Right) : Node(Position)
    {
        public bool Test(IReadOnlyDictionary<string, decimal> values)
        {
            var left = Left.Evaluate(values);
            var right = Right.Evaluate(values);
            return Op switch
            {
                "<" => left < right,
                "<=" => left <= right,
                ">" => left > right,
                ">=" => left >= right,
                "==" => left == right,
                "!=" => left != right,
                _ => throw new InvalidOperationException(),
            };
        }

        public override decimal Evaluate(IReadOnlyDictionary<string, decimal> values) => Test(values) ? 1m : 0m;
    }

    private sealed record Call(int Position, string Function, IReadOnlyList<Node> Arguments) : Node(Position)
    {
        public override decimal Evaluate(IReadOnlyDictionary<string, decimal> values)
        {
            switch (Function)
            {
                case "min": return Arguments.Select(a => a.Evaluate(values)).Min();
                case "max": return Arguments.Select(a => a.Evaluate(values)).Max();
                case "abs": return Math.Abs(Arguments[0].Evaluate(values));
                case "round":
                    var places = Arguments[1].Evaluate(values);
                    if (places != decimal.Truncate(places) || places < 0 || places > 10)
                        throw new FormulaException(Arguments[1].Position, "round() takes 0 to 10 decimal places");
                    return Decimals.RoundHalfUp(Arguments[0].Evaluate(values), (int)places);
                case "if":
                    return ((Comparison)Arguments[0]).Test(values) ? Arguments[1].Evaluate(values) : Arguments[2].Evaluate(values);
                default: throw new InvalidOperationException();
            }
        }
    }

    /// <summary>Recursive descent: expression := term (('+'|'-') term)*; term := unary (('*'|'/') unary)*;
    /// unary := '-' unary | primary; primary := number | name | name '(' args ')' | '(' expression ')'.</summary>
    private sealed class Parser(string text)
    {
        private const int MaxLength = 2000;
        private const int MaxDepth = 50;
        private int _pos;
        private int _depth;

        public Node ParseAll()
        {
            if (string.IsNullOrWhiteSpace(text)) throw new FormulaException(1, "is empty");
            if (text.Length > MaxLength) throw new FormulaException(MaxLength, $"is longer than {MaxLength} characters");
            var node = Expression();
            SkipSpaces();
            if (_pos < text.Length) throw Error($"unexpected '{text[_pos]}'");
            return node;
        }

        private FormulaException Error(string message) => new(_pos + 1, message);

        private void SkipSpaces()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        private bool Accept(char c)
        {
            SkipSpaces();
            if (_pos < text.Length && text[_pos] == c)
            {
                _pos++;
                return true;
            }
            return false;
        }

        private Node Expression()
        {
            if (++_depth > MaxDepth) throw Error("is nested too deeply");
            var left = Term();
            while (true)
            {
                SkipSpaces();
                var at = _pos + 1;
                if (Accept('+')) left = new Binary(at, '+', left, Term());
                else if (Accept('-')) left = new Binary(at, '-', left, Term());
                else break;
            }
            _depth--;
            return left;
        }

        private Node Term()
        {
            var left = Unary();
            while (true)
            {
                SkipSpaces();
                var at = _pos + 1;
                if (Accept('*')) left = new Binary(at, '*', left, Unary());
                else if (Accept('/')) left = new Binary(at, '/', left, Unary());
                else break;
            }
            return left;
        }

        private Node Unary()
        {
            SkipSpaces();
            var at = _pos + 1;
            if (Accept('-'))
            {
                if (++_depth > MaxDepth) throw Error("is nested too deeply");
                var operand = Unary();
                _depth--;
                return new Negate(at, operand);
            }
            if (Accept('+')) return Unary();
            return Primary();
        }

        private Node Primary()
        {
            SkipSpaces();
            if (_pos >= text.Length) throw Error("ends where a number, variable or '(' was expected");
            var c = text[_pos];
            var at = _pos + 1;
            if (c == '(')
            {
                _pos++;
                var inner = Expression();
                if (!Accept(')')) throw Error("expected ')'");
                return inner;
            }
            if (char.IsAsciiDigit(c) || c == '.') return NumberLiteral();
            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = _pos;
                while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
                var name = text[start.._pos];
                SkipSpaces();
                if (_pos < text.Length && text[_pos] == '(')
                {
                    _pos++;
                    return Function(at, name);
                }
                return new Variable(at, name);
            }
            throw Error($"unexpected '{c}'");
        }

        private Node NumberLiteral()
        {
            var start = _pos;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
            if (_pos < text.Length && text[_pos] == '.')
            {
                _pos++;
                var fractionStart = _pos;
                while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
                if (_pos == fractionStart) throw Error("expected digits after the decimal point");
            }
            var literal = text[start.._pos];
            if (literal.StartsWith('.')) throw new FormulaException(start + 1, $"write '0{literal}' instead of '{literal}'");
            if (_pos < text.Length && (char.IsAsciiLetter(text[_pos]) || text[_pos] == '_'))
                throw Error($"unexpected '{text[_pos]}' after the number {literal}");
            if (!decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                throw new FormulaException(start + 1, $"the number {literal} is too large");
            return new Number(start + 1, value);
        }

        private Node Function(int at, string name)
        {
            var (min, max) = name switch
            {
                "min" or "max" => (1, 20),
                "abs" => (1, 1),
                "round" => (2, 2),
                "if" => (3, 3),
                _ => throw new FormulaException(at, $"unknown function '{name}' (known: min, max, abs, round, if)"),
            };
            var arguments = new List<Node>();
            if (!Accept(')'))
            {
                do
                {
                    arguments.Add(arguments.Count == 0 && name == "if" ? Condition() : Expression());
                } while (Accept(','));
                if (!Accept(')')) throw Error("expected ',' or ')'");
            }
            if (arguments.Count < min || arguments.Count > max)
                throw new FormulaException(at, min == max
                    ? $"{name}() takes {min} argument{(min == 1 ? "" : "s")}, not {arguments.Count}"
                    : $"{name}() takes {min} to {max} arguments, not {arguments.Count}");
            if (name == "round" && arguments[1] is not Number)
                throw new FormulaException(arguments[1].Position, "round() takes a constant number of places");
            if (name == "round" && arguments[1] is Number { Value: var places } && (places != decimal.Truncate(places) || places > 10))
                throw new FormulaException(arguments[1].Position, "round() takes 0 to 10 decimal places");
            return new Call(at, name, arguments);
        }

        private Node Condition()
        {
            var left = Expression();
            SkipSpaces();
            var at = _pos + 1;
            foreach (var op in new[] { "<=", ">=", "==", "!=", "<", ">" })
            {
                if (string.CompareOrdinal(text, _pos, op, 0, op.Length) == 0)
                {
                    _pos += op.Length;
                    return new Comparison(at, op, left, Expression());
                }
            }
            throw Error("expected a comparison (<, <=, >, >=, ==, !=) in the condition of if()");
        }
    }
}
