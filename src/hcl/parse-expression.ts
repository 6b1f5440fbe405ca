/**
 * Expressions and templates, as hclsyntax parses them: operator precedence, traversals, splats, function calls,
 * collections, for-expressions, and template parts (with strip markers) handed to `parse-template.ts`.
 */
import type { BinaryOperator, Expression, LiteralScalar, ObjectConsItem, Traverser } from "./ast.js";
import {
  T_AND,
  T_BANG,
  T_CBRACE,
  T_CBRACK,
  T_CHEREDOC,
  T_COLON,
  T_COMMA,
  T_CPAREN,
  T_CQUOTE,
  T_DOT,
  T_DOUBLECOLON,
  T_ELLIPSIS,
  T_EOF,
  T_EQUAL,
  T_EQUALOP,
  T_FATARROW,
  T_GT,
  T_GTE,
  T_IDENT,
  T_LT,
  T_LTE,
  T_MINUS,
  T_NEWLINE,
  T_NOTEQUAL,
  T_NUMBER,
  T_OBRACE,
  T_OBRACK,
  T_OHEREDOC,
  T_OPAREN,
  T_OQUOTE,
  T_OR,
  T_PERCENT,
  T_PLUS,
  T_QUESTION,
  T_QUOTEDLIT,
  T_SLASH,
  T_STAR,
  T_STRINGLIT,
  T_TEMPLATE_CONTROL,
  T_TEMPLATE_INTERP,
  T_TEMPLATE_SEQEND,
} from "./lexer.js";
import { MAX_DEPTH, ParserCore } from "./parse-core.js";
import { buildTemplate, isSpaceUnit, type TemplatePart } from "./parse-template.js";
import type { Range } from "./range.js";

const binaryLevel = new Uint8Array(64);
binaryLevel[T_OR] = 1;
binaryLevel[T_AND] = 2;
binaryLevel[T_EQUALOP] = 3;
binaryLevel[T_NOTEQUAL] = 3;
binaryLevel[T_GT] = 4;
binaryLevel[T_GTE] = 4;
binaryLevel[T_LT] = 4;
binaryLevel[T_LTE] = 4;
binaryLevel[T_PLUS] = 5;
binaryLevel[T_MINUS] = 5;
binaryLevel[T_STAR] = 6;
binaryLevel[T_SLASH] = 6;
binaryLevel[T_PERCENT] = 6;

const binaryOperator: Record<number, BinaryOperator> = {
  [T_OR]: "||",
  [T_AND]: "&&",
  [T_EQUALOP]: "==",
  [T_NOTEQUAL]: "!=",
  [T_GT]: ">",
  [T_GTE]: ">=",
  [T_LT]: "<",
  [T_LTE]: "<=",
  [T_PLUS]: "+",
  [T_MINUS]: "-",
  [T_STAR]: "*",
  [T_SLASH]: "/",
  [T_PERCENT]: "%",
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class ExpressionParser extends ParserCore {
  // ---- expressions --------------------------------------------------------------------------------------------

  parseExpression(): Expression {
    return this.parseTernaryConditional();
  }

  protected parseTernaryConditional(): Expression {
    const startTok = this.peek();
    const mark = this.diags.length;
    const cond = this.parseBinaryOps(1);
    if (this.recovery && this.diags.length > mark) return cond;
    if (this.peekKind() !== T_QUESTION) return cond;
    this.read();
    const m2 = this.diags.length;
    const trueResult = this.parseExpression();
    if (this.recovery && this.diags.length > m2) return cond;
    const colon = this.peek();
    if (this.kind[colon] !== T_COLON) {
      const cr = this.tokRange(colon);
      this.diag(
        "Missing false expression in conditional",
        "The conditional operator (...?...:...) requires a false expression, delimited by a colon.",
        cr,
        this.between(this.tokRange(startTok), cr),
      );
      return cond;
    }
    this.read();
    const m3 = this.diags.length;
    const falseResult = this.parseExpression();
    if (this.recovery && this.diags.length > m3) return cond;
    return {
      kind: "Conditional",
      condition: cond,
      trueResult,
      falseResult,
      range: { file: this.file, start: this.pos(this.start[startTok] as number), end: falseResult.range.end },
    };
  }

  /**
   * Binary operators by precedence climbing (levels 1 `||` … 6 `* / %`, all left-associative): the same trees as
   * hclsyntax's one-function-per-level recursion, with fewer stack frames per nesting level.
   */
  protected parseBinaryOps(minLevel: number): Expression {
    const mark = this.diags.length;
    let lhs = this.parseExpressionWithTraversals();
    if (this.recovery && this.diags.length > mark) return lhs;
    for (;;) {
      const opTok = this.peek();
      const ok = this.kind[opTok] as number;
      const level = binaryLevel[ok] as number;
      if (level === 0 || level < minLevel) return lhs;
      this.read();
      const m2 = this.diags.length;
      const rhs = this.parseBinaryOps(level + 1);
      if (this.recovery && this.diags.length > m2) return lhs;
      lhs = {
        kind: "BinaryOp",
        op: binaryOperator[ok] as BinaryOperator,
        opRange: this.tokRange(opTok),
        left: lhs,
        right: rhs,
        range: this.between(lhs.range, rhs.range),
      };
    }
  }

  protected parseExpressionWithTraversals(): Expression {
    const term = this.parseExpressionTerm();
    return this.parseExpressionTraversals(term);
  }

  protected parseExpressionTraversals(from: Expression): Expression {
    let ret = from;
    const kind = this.kind;
    for (;;) {
      const nk = this.peekKind();
      if (nk === T_DOT) {
        const dot = this.read();
        const attrTok = this.peek();
        const ak = kind[attrTok];
        if (ak === T_IDENT) {
          this.read();
          const rng = this.spanTok(dot, attrTok);
          ret = this.makeRelativeTraversal(ret, { kind: "attr", name: this.tokText(attrTok), range: rng }, rng);
          continue;
        }
        const dotRange = this.tokRange(dot);
        if (ak === T_NUMBER) {
          // Legacy index `.0`, from HIL.
          this.read();
          const numRange = this.tokRange(attrTok);
          const rng = this.between(dotRange, numRange);
          const raw = this.tokText(attrTok);
          const dotAt = raw.indexOf(".");
          let key: LiteralScalar = null;
          if (dotAt >= 0) {
            this.diag(
              "Invalid legacy index syntax",
              `When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like [${raw.slice(0, dotAt)}][${raw.slice(dotAt + 1)}].`,
              numRange,
            );
          } else {
            key = this.numberValue(attrTok, raw);
          }
          ret = this.makeRelativeTraversal(ret, { kind: "index", key, range: rng }, rng);
        } else if (ak === T_STAR) {
          // Attribute-only splat `.*`.
          const marker = this.read();
          const markerRange = this.tokRange(marker);
          const trav: Traverser[] = [];
          const firstRange = this.nextRange();
          let lastRange = markerRange;
          let broke = false;
          while (this.peekKind() === T_DOT) {
            const d = this.read();
            const dr = this.tokRange(d);
            const nt = this.peek();
            if (kind[nt] === T_NUMBER) {
              this.read();
              const numRange = this.tokRange(nt);
              const raw = this.tokText(nt);
              const dotAt = raw.indexOf(".");
              let key: LiteralScalar = null;
              if (dotAt >= 0) {
                this.diag(
                  "Invalid legacy index syntax",
                  `When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax with a full splat expression [*] instead, like [${raw.slice(0, dotAt)}][${raw.slice(dotAt + 1)}].`,
                  this.tokRange(attrTok),
                );
              } else {
                key = this.numberValue(nt, raw);
              }
              trav.push({ kind: "index", key, range: this.between(dr, numRange) });
              lastRange = numRange;
              continue;
            }
            if (kind[nt] !== T_IDENT) {
              if (!this.recovery) {
                if (kind[nt] === T_STAR) {
                  this.diag(
                    "Nested splat expression not allowed",
                    "A splat expression (*) cannot be used inside another attribute-only splat expression.",
                    this.tokRange(nt),
                  );
                } else {
                  this.diag(
                    "Invalid attribute name",
                    "An attribute name is required after a dot.",
                    this.tokRange(attrTok),
                  );
                }
              }
              this.setRecovery();
              broke = true;
              break;
            }
            this.read();
            const nr = this.tokRange(nt);
            trav.push({ kind: "attr", name: this.tokText(nt), range: this.between(dr, nr) });
            lastRange = nr;
          }
          if (broke) continue;
          const item = { kind: "AnonSymbol" as const, range: this.between(dotRange, markerRange) };
          const each: Expression =
            trav.length === 0
              ? item
              : {
                  kind: "RelativeTraversal",
                  source: item,
                  traversal: trav,
                  range: this.between(firstRange, lastRange),
                };
          ret = {
            kind: "Splat",
            source: ret,
            each,
            item,
            markerRange: this.between(dotRange, markerRange),
            range: this.between(from.range, lastRange),
          };
        } else {
          this.diag("Invalid attribute name", "An attribute name is required after a dot.", this.tokRange(attrTok));
          ret = { kind: "Invalid", range: this.between(from.range, dotRange) };
          this.setRecovery();
        }
        continue;
      }
      if (nk === T_OBRACK) {
        const open = this.read();
        const openRange = this.tokRange(open);
        if (this.peekKind() === T_STAR) {
          // Full splat `[*]`: the following traversal steps apply to each element.
          this.read();
          let close = this.read();
          if (kind[close] !== T_CBRACK && !this.recovery) {
            // hclsyntax reports this at the token recovery stops on (its subject aliases the reassigned token).
            close = this.recover(T_CBRACK);
            this.diag(
              "Missing close bracket on splat index",
              'The star for a full splat operator must be immediately followed by a closing bracket ("]").',
              this.tokRange(close),
            );
          }
          const markerRange = this.between(openRange, this.tokRange(close));
          const item = { kind: "AnonSymbol" as const, range: markerRange };
          let each: Expression;
          if (this.depth >= MAX_DEPTH) {
            this.tooDeep();
            each = item;
          } else {
            this.depth++;
            each = this.parseExpressionTraversals(item);
            this.depth--;
          }
          ret = { kind: "Splat", source: ret, each, item, markerRange, range: this.between(from.range, each.range) };
          continue;
        }
        this.pushNewlines(false);
        const mark = this.diags.length;
        const key = this.parseExpression();
        let close: number;
        if (this.recovery && this.diags.length > mark) {
          close = this.recover(T_CBRACK);
        } else {
          close = this.read();
          if (kind[close] !== T_CBRACK && !this.recovery) {
            // hclsyntax reports this at the token recovery stops on (its subject aliases the reassigned token).
            close = this.recover(T_CBRACK);
            this.diag(
              "Missing close bracket on index",
              'The index operator must end with a closing bracket ("]").',
              this.tokRange(close),
            );
          }
        }
        this.popNewlines();
        const rng = this.toTok(openRange, close);
        if (key.kind === "LiteralValue") {
          ret = this.makeRelativeTraversal(ret, { kind: "index", key: key.value, range: rng }, rng);
        } else if (key.kind === "Template" && key.parts.length === 1 && key.parts[0]?.kind === "LiteralValue") {
          ret = this.makeRelativeTraversal(ret, { kind: "index", key: key.parts[0].value, range: rng }, rng);
        } else {
          ret = { kind: "Index", collection: ret, key, bracketRange: rng, range: this.between(from.range, rng) };
        }
        continue;
      }
      return ret;
    }
  }

  /** Appends a static step to a traversal expression, or starts a relative traversal on another expression. */
  protected makeRelativeTraversal(expr: Expression, step: Traverser, rng: Range): Expression {
    if (expr.kind === "ScopeTraversal" || expr.kind === "RelativeTraversal") {
      const t = expr as Mutable<typeof expr>;
      t.traversal.push(step);
      t.range = this.between(t.range, rng);
      return expr;
    }
    return { kind: "RelativeTraversal", source: expr, traversal: [step], range: this.between(expr.range, rng) };
  }

  protected numberValue(tok: number, raw: string): number | null {
    const value = Number(raw);
    if (Number.isNaN(value)) {
      this.diag("Invalid number literal", "Failed to recognize the value of this number literal.", this.tokRange(tok));
      return null;
    }
    return value;
  }

  protected parseExpressionTerm(): Expression {
    if (this.depth >= MAX_DEPTH) return { kind: "Invalid", range: this.tooDeep() };
    this.depth++;
    const e = this.parseExpressionTermInner();
    this.depth--;
    return e;
  }

  protected parseExpressionTermInner(): Expression {
    const start = this.peek();
    const k = this.kind[start];
    switch (k) {
      case T_OPAREN: {
        const oParen = this.read();
        this.pushNewlines(false);
        const mark = this.diags.length;
        const expr = this.parseExpression();
        if (this.diags.length > mark) {
          this.recover(T_CPAREN);
          this.popNewlines();
          return expr;
        }
        const close = this.peek();
        if (this.kind[close] !== T_CPAREN) {
          const cr = this.tokRange(close);
          this.diag(
            "Unbalanced parentheses",
            "Expected a closing parenthesis to terminate the expression.",
            cr,
            this.between(this.tokRange(start), cr),
          );
          this.setRecovery();
        }
        const cParen = this.read();
        this.popNewlines();
        return {
          kind: "Parentheses",
          expr,
          range: this.spanTok(oParen, cParen),
        };
      }
      case T_NUMBER: {
        this.read();
        const raw = this.tokText(start);
        const value = this.numberValue(start, raw);
        if (value === null) return { kind: "Invalid", range: this.tokRange(start) };
        return { kind: "LiteralValue", value, raw, range: this.tokRange(start) };
      }
      case T_IDENT: {
        this.read();
        const nk = this.peekKind();
        if (nk === T_OPAREN || nk === T_DOUBLECOLON) return this.finishParsingFunctionCall(start);
        const name = this.tokText(start);
        const range = this.tokRange(start);
        switch (name) {
          case "true":
            return { kind: "LiteralValue", value: true, range };
          case "false":
            return { kind: "LiteralValue", value: false, range };
          case "null":
            return { kind: "LiteralValue", value: null, range };
          default:
            return { kind: "ScopeTraversal", root: name, rootRange: range, traversal: [], range };
        }
      }
      case T_OQUOTE:
      case T_OHEREDOC: {
        const open = this.read();
        if (k === T_OQUOTE) {
          // Fast path for the most common template: a plain quoted string.
          const k1 = this.kind[open + 1];
          if (k1 === T_QUOTEDLIT && this.kind[open + 2] === T_CQUOTE) {
            const value = this.normalize(this.stringLitValue(open + 1, true));
            this.next = open + 3;
            const part: Expression = { kind: "LiteralValue", value, range: this.tokRange(open + 1) };
            return { kind: "Template", parts: [part], heredoc: false, range: this.spanTok(open, open + 2) };
          }
          if (k1 === T_CQUOTE) {
            this.next = open + 2;
            const at = this.pos(this.end[open + 1] as number);
            const part: Expression = {
              kind: "LiteralValue",
              value: "",
              range: { file: this.file, start: at, end: at },
            };
            return { kind: "Template", parts: [part], heredoc: false, range: this.spanTok(open, open + 1) };
          }
        }
        const heredoc = k === T_OHEREDOC;
        const flush = heredoc && this.bytes[(this.start[open] as number) + 2] === 45;
        return this.parseTemplate(heredoc ? T_CHEREDOC : T_CQUOTE, flush, open);
      }
      case T_MINUS:
      case T_BANG: {
        this.read();
        const operand = this.parseExpressionWithTraversals();
        const opRange = this.tokRange(start);
        return {
          kind: "UnaryOp",
          op: k === T_MINUS ? "-" : "!",
          opRange,
          operand,
          range: this.between(opRange, operand.range),
        };
      }
      case T_OBRACK:
        return this.parseTupleCons();
      case T_OBRACE:
        return this.parseObjectCons();
      default: {
        const range = this.tokRange(start);
        if (!this.recovery) {
          if (k === T_EOF) {
            this.diag(
              "Missing expression",
              "Expected the start of an expression, but found the end of the file.",
              range,
            );
          } else {
            this.diag(
              "Invalid expression",
              "Expected the start of an expression, but found an invalid expression token.",
              range,
            );
          }
        }
        this.setRecovery();
        return { kind: "Invalid", range };
      }
    }
  }

  protected finishParsingFunctionCall(name: number): Expression {
    let openTok = this.read();
    const nameRange0 = this.tokRange(name);
    let nameStr = this.tokText(name);
    let nameEnd = nameRange0.end;
    while (this.kind[openTok] === T_DOUBLECOLON) {
      const nextName = this.read();
      if (this.kind[nextName] !== T_IDENT) {
        const nr = this.tokRange(nextName);
        this.diag(
          "Missing function name",
          "Function scope resolution symbol :: must be followed by a function name in this scope.",
          nr,
          this.between(nameRange0, nr),
        );
        this.recoverOver(T_OPAREN);
        return { kind: "Invalid", range: this.between(nameRange0, nr) };
      }
      nameStr = `${nameStr}::${this.tokText(nextName)}`;
      nameEnd = this.pos(this.end[nextName] as number);
      openTok = this.read();
    }
    const nameRange: Range =
      nameEnd === nameRange0.end ? nameRange0 : { file: this.file, start: nameRange0.start, end: nameEnd };
    if (this.kind[openTok] !== T_OPAREN) {
      const or = this.tokRange(openTok);
      this.diag(
        "Missing open parenthesis",
        "Function selector must be followed by an open parenthesis to begin the function call.",
        or,
        this.between(nameRange0, or),
      );
      this.recoverOver(T_OPAREN);
      return { kind: "Invalid", range: this.between(nameRange0, or) };
    }

    const args: Expression[] = [];
    let expandFinal = false;
    let closeTok = -1;
    this.pushNewlines(false);
    for (;;) {
      const tok = this.peek();
      if (this.kind[tok] === T_CPAREN) {
        closeTok = this.read();
        break;
      }
      const mark = this.diags.length;
      const arg = this.parseExpression();
      args.push(arg);
      if (this.recovery && this.diags.length > mark) {
        closeTok = this.recover(T_CPAREN);
        break;
      }
      const sep = this.read();
      const sk = this.kind[sep];
      if (sk === T_CPAREN) {
        closeTok = sep;
        break;
      }
      if (sk === T_ELLIPSIS) {
        expandFinal = true;
        if (this.peekKind() !== T_CPAREN) {
          if (!this.recovery) {
            const sr = this.tokRange(sep);
            this.diag(
              "Missing closing parenthesis",
              "An expanded function argument (with ...) must be immediately followed by closing parentheses.",
              sr,
              this.between(nameRange0, sr),
            );
          }
          closeTok = this.recover(T_CPAREN);
        } else {
          closeTok = this.read();
        }
        break;
      }
      if (sk !== T_COMMA) {
        if (sk === T_EOF) {
          this.diag(
            "Unterminated function call",
            "There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.",
            this.between(nameRange0, this.tokRange(openTok)),
          );
        } else {
          const sr = this.tokRange(sep);
          this.diag(
            "Missing argument separator",
            "A comma is required to separate each function argument from the next.",
            sr,
            this.between(nameRange0, sr),
          );
        }
        closeTok = this.recover(T_CPAREN);
        break;
      }
      if (this.peekKind() === T_CPAREN) {
        closeTok = this.read();
        break;
      }
    }
    this.popNewlines();
    const closeParenRange = this.tokRange(closeTok);
    return {
      kind: "FunctionCall",
      name: nameStr,
      nameRange,
      args,
      expandFinal,
      openParenRange: this.tokRange(openTok),
      closeParenRange,
      range: this.between(nameRange, closeParenRange),
    };
  }

  protected parseTupleCons(): Expression {
    const open = this.read();
    const openRange = this.tokRange(open);
    this.pushNewlines(false);
    if (this.tokIs(this.peek(), "for")) {
      const e = this.finishParsingForExpr(open);
      this.popNewlines();
      return e;
    }
    const elements: Expression[] = [];
    let close: number;
    for (;;) {
      let next = this.peek();
      if (this.kind[next] === T_CBRACK) {
        close = this.read();
        break;
      }
      const mark = this.diags.length;
      const expr = this.parseExpression();
      elements.push(expr);
      if (this.recovery && this.diags.length > mark) {
        close = this.recover(T_CBRACK);
        break;
      }
      next = this.peek();
      const nk = this.kind[next];
      if (nk === T_CBRACK) {
        close = this.read();
        break;
      }
      if (nk !== T_COMMA) {
        if (!this.recovery) {
          if (nk === T_EOF) {
            this.diag(
              "Unterminated tuple constructor expression",
              "There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.",
              openRange,
            );
          } else {
            const nr = this.tokRange(next);
            this.diag(
              "Missing item separator",
              "Expected a comma to mark the beginning of the next item.",
              nr,
              this.between(openRange, nr),
            );
          }
        }
        close = this.recover(T_CBRACK);
        break;
      }
      this.read();
    }
    this.popNewlines();
    return { kind: "TupleCons", elements, openRange, range: this.toTok(openRange, close) };
  }

  protected parseObjectCons(): Expression {
    const open = this.read();
    const openRange = this.tokRange(open);
    // `for` is looked for with newlines ignored: for expressions are not newline-sensitive.
    this.pushNewlines(false);
    const isFor = this.tokIs(this.peek(), "for");
    this.popNewlines();
    if (isFor) return this.finishParsingForExpr(open);

    this.pushNewlines(true);
    const items: ObjectConsItem[] = [];
    let close: number;
    const kind = this.kind;
    for (;;) {
      let next = this.peek();
      if (kind[next] === T_NEWLINE) {
        this.read();
        continue;
      }
      if (kind[next] === T_CBRACE) {
        close = this.read();
        break;
      }
      const forceNonLiteral = kind[next] === T_OPAREN;
      const keyStart = next;
      const mark = this.diags.length;
      let key = this.parseExpression();
      if (this.recovery && this.diags.length > mark) {
        close = this.recover(T_CBRACE);
        break;
      }
      // A bare name (or keyword) as a key means that string; parentheses force evaluation.
      if (
        forceNonLiteral ||
        key.kind === "ScopeTraversal" ||
        (key.kind === "LiteralValue" && kind[keyStart] === T_IDENT)
      ) {
        key = { kind: "ObjectConsKey", wrapped: key, forceNonLiteral, range: key.range };
      }
      next = this.peek();
      const nk = kind[next];
      if (nk !== T_EQUAL && nk !== T_COLON) {
        if (!this.recovery) {
          const nr = this.tokRange(next);
          if (nk === T_NEWLINE || nk === T_COMMA) {
            this.diag(
              "Missing attribute value",
              'Expected an attribute value, introduced by an equals sign ("=").',
              nr,
              this.between(openRange, nr),
            );
          } else if (nk === T_IDENT) {
            this.diag(
              "Missing key/value separator",
              'Expected an equals sign ("=") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.',
              nr,
              this.between(openRange, nr),
            );
          } else if (nk === T_EOF) {
            this.diag(
              "Unterminated object constructor expression",
              "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
              openRange,
            );
          } else {
            this.diag(
              "Missing key/value separator",
              'Expected an equals sign ("=") to mark the beginning of the attribute value.',
              nr,
              this.between(openRange, nr),
            );
          }
        }
        close = this.recover(T_CBRACE);
        break;
      }
      this.read();
      const m2 = this.diags.length;
      const value = this.parseExpression();
      items.push({ key, value });
      if (this.recovery && this.diags.length > m2) {
        close = this.recover(T_CBRACE);
        break;
      }
      next = this.peek();
      const ak = kind[next];
      if (ak === T_CBRACE) {
        close = this.read();
        break;
      }
      if (ak !== T_COMMA && ak !== T_NEWLINE) {
        if (!this.recovery) {
          if (ak === T_EOF) {
            this.diag(
              "Unterminated object constructor expression",
              "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
              openRange,
            );
          } else {
            const nr = this.tokRange(next);
            this.diag(
              "Missing attribute separator",
              "Expected a newline or comma to mark the beginning of the next attribute.",
              nr,
              this.between(openRange, nr),
            );
          }
        }
        close = this.recover(T_CBRACE);
        break;
      }
      this.read();
    }
    this.popNewlines();
    return { kind: "ObjectCons", items, openRange, range: this.toTok(openRange, close) };
  }

  protected finishParsingForExpr(open: number): Expression {
    this.pushNewlines(false);
    const e = this.finishParsingForExprInner(open);
    this.popNewlines();
    return e;
  }

  protected finishParsingForExprInner(open: number): Expression {
    this.read(); // the `for` keyword
    const openRange = this.tokRange(open);
    const makeObj = this.kind[open] === T_OBRACE;
    const closeType = makeObj ? T_CBRACE : T_CBRACK;
    const fail = (detail: string): Expression => {
      if (!this.recovery) {
        const nr = this.nextRange();
        this.diag("Invalid 'for' expression", detail, nr, this.between(openRange, nr));
      }
      const close = this.recover(closeType);
      return { kind: "Invalid", range: this.toTok(openRange, close) };
    };

    if (this.peekKind() !== T_IDENT) return fail("For expression requires variable name after 'for'.");
    let keyVar: string | null = null;
    let valueVar = this.tokText(this.read());
    if (this.peekKind() === T_COMMA) {
      keyVar = valueVar;
      this.read();
      if (this.peekKind() !== T_IDENT) return fail("For expression requires value variable name after comma.");
      valueVar = this.tokText(this.read());
    }
    if (!this.tokIs(this.peek(), "in"))
      return fail("For expression requires the 'in' keyword after its name declarations.");
    this.read();

    const m1 = this.diags.length;
    const collection = this.parseExpression();
    if (this.recovery && this.diags.length > m1) {
      const close = this.recover(closeType);
      return { kind: "Invalid", range: this.toTok(openRange, close) };
    }
    if (this.peekKind() !== T_COLON) return fail("For expression requires a colon after the collection expression.");
    this.read();

    let keyExpr: Expression | null = null;
    const m2 = this.diags.length;
    let valueExpr = this.parseExpression();
    if (this.peekKind() === T_FATARROW) {
      this.read();
      keyExpr = valueExpr;
      valueExpr = this.parseExpression();
    }
    if (this.recovery && this.diags.length > m2) {
      const close = this.recover(closeType);
      return { kind: "Invalid", range: this.toTok(openRange, close) };
    }

    let group = false;
    let ellipsis = -1;
    if (this.peekKind() === T_ELLIPSIS) {
      ellipsis = this.read();
      group = true;
    }

    let condition: Expression | null = null;
    if (this.tokIs(this.peek(), "if")) {
      this.read();
      const m3 = this.diags.length;
      condition = this.parseExpression();
      if (this.recovery && this.diags.length > m3) {
        const close = this.recover(closeType);
        return { kind: "Invalid", range: this.toTok(openRange, close) };
      }
    }

    let close: number;
    if (this.peekKind() === closeType) {
      close = this.read();
    } else {
      if (!this.recovery) {
        const nr = this.nextRange();
        this.diag(
          "Invalid 'for' expression",
          "Extra characters after the end of the 'for' expression.",
          nr,
          this.between(openRange, nr),
        );
      }
      close = this.recover(closeType);
    }
    const closeRange = this.tokRange(close);
    const range = this.between(openRange, closeRange);

    if (!makeObj) {
      if (keyExpr !== null) {
        this.diag(
          "Invalid 'for' expression",
          "Key expression is not valid when building a tuple.",
          keyExpr.range,
          range,
        );
      }
      if (group) {
        this.diag(
          "Invalid 'for' expression",
          "Grouping ellipsis (...) cannot be used when building a tuple.",
          this.tokRange(ellipsis),
          range,
        );
      }
    } else if (keyExpr === null) {
      this.diag(
        "Invalid 'for' expression",
        "Key expression is required when building an object.",
        valueExpr.range,
        range,
      );
    }

    return {
      kind: "For",
      keyVar,
      valueVar,
      collection,
      keyExpr,
      valueExpr,
      condition,
      group,
      openRange,
      closeRange,
      range,
    };
  }

  /** A quoted string with no template sequences (a block label). Returns its value and range. */
  protected parseQuotedStringLiteral(): [string, Range] {
    const oQuote = this.read();
    const oRange = this.tokRange(oQuote);
    let value = "";
    let endRange: Range;
    for (;;) {
      const tok = this.read();
      const k = this.kind[tok];
      if (k === T_CQUOTE) {
        endRange = this.tokRange(tok);
        break;
      }
      if (k === T_QUOTEDLIT) {
        value += this.stringLitValue(tok, true);
        continue;
      }
      if (k === T_TEMPLATE_CONTROL || k === T_TEMPLATE_INTERP) {
        const which = k === T_TEMPLATE_CONTROL ? "%" : "$";
        const tr = this.tokRange(tok);
        this.diag(
          "Invalid string literal",
          `Template sequences are not allowed in this string. To include a literal "${which}", double it (as "${which}${which}") to escape it.`,
          tr,
          this.between(oRange, tr),
        );
        value += `${which}{ ... }`;
        this.recover(T_TEMPLATE_SEQEND);
        continue;
      }
      const tr = this.tokRange(tok);
      if (k === T_EOF) {
        this.diag(
          "Unterminated string literal",
          "Unable to find the closing quote mark before the end of the file.",
          tr,
          this.between(oRange, tr),
        );
        endRange = tr;
        break;
      }
      this.diag("Invalid string literal", "This item is not valid in a string literal.", tr, this.between(oRange, tr));
      this.recover(T_CQUOTE);
      endRange = tr;
      break;
    }
    return [value, this.between(oRange, endRange)];
  }

  // ---- templates ----------------------------------------------------------------------------------------------

  /**
   * Parses template content up to the token `end` (CQuote, CHeredoc or EOF). `open` is the opening token (-1 for a
   * bare template, whose range is from its first token to the end of the file).
   */
  parseTemplate(end: number, flush: boolean, open: number): Expression {
    const { parts, range } = this.parseTemplateParts(end);
    const { exprs, passthru } = buildTemplate(parts, flush, this);
    const fullRange = open >= 0 ? this.between(this.tokRange(open), this.prevRange()) : range;
    if (passthru) return { kind: "TemplateWrap", wrapped: exprs[0] as Expression, range: fullRange };
    return { kind: "Template", parts: exprs, heredoc: open >= 0 && this.kind[open] === T_OHEREDOC, range: fullRange };
  }

  protected parseTemplateParts(end: number): { parts: TemplatePart[]; range: Range } {
    const parts: TemplatePart[] = [];
    const startRange = this.nextRange();
    let ltrimNext = false;
    let nextCanTrimPrev = false;
    let endRange: Range;
    const kind = this.kind;
    for (;;) {
      const next = this.read();
      const k = kind[next];
      if (k === end) {
        endRange = this.tokRange(next);
        break;
      }
      const ltrim = ltrimNext;
      ltrimNext = false;
      const canTrimPrev = nextCanTrimPrev;
      nextCanTrimPrev = false;
      if (k === T_STRINGLIT || k === T_QUOTEDLIT) {
        let value = this.stringLitValue(next, k === T_QUOTEDLIT);
        if (ltrim) value = trimLeftSpace(value);
        parts.push({ t: "lit", value, start: this.start[next] as number, end: this.end[next] as number });
        nextCanTrimPrev = true;
        continue;
      }
      if (k === T_TEMPLATE_INTERP) {
        const nextRange = this.tokRange(next);
        if (canTrimPrev && (this.end[next] as number) - (this.start[next] as number) === 3) trimPrevious(parts);
        this.pushNewlines(false);
        const expr = this.parseExpression();
        const close = this.peek();
        const ck = kind[close];
        if (ck !== T_TEMPLATE_SEQEND) {
          if (!this.recovery) {
            const cr = this.tokRange(close);
            if (ck === T_EOF) {
              this.diag(
                "Unclosed template interpolation sequence",
                "There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.",
                startRange,
              );
            } else if (ck === T_COLON) {
              this.diag(
                "Extra characters after interpolation expression",
                'Template interpolation doesn\'t expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with "$${" instead of just "${".',
                cr,
                this.between(startRange, cr),
              );
            } else if ((ck === T_CQUOTE || ck === T_OQUOTE) && end === T_CQUOTE) {
              this.diag(
                "Unclosed template interpolation sequence",
                "There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.",
                startRange,
              );
            } else {
              this.diag(
                "Extra characters after interpolation expression",
                'Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can happen when you include interpolation syntax for another language, such as shell scripting, but forget to escape the interpolation start token. If this is an embedded sequence for another language, escape it by starting with "$${" instead of just "${".',
                cr,
                this.between(startRange, cr),
              );
            }
          }
          this.recover(T_TEMPLATE_SEQEND);
        } else {
          this.read();
          if ((this.end[close] as number) - (this.start[close] as number) === 2) ltrimNext = true;
        }
        this.popNewlines();
        parts.push({ t: "interp", expr, range: this.between(nextRange, this.tokRange(close)) });
        continue;
      }
      if (k === T_TEMPLATE_CONTROL) {
        const nextRange = this.tokRange(next);
        if (canTrimPrev && (this.end[next] as number) - (this.start[next] as number) === 3) trimPrevious(parts);
        this.pushNewlines(false);
        const kw = this.peek();
        if (kind[kw] !== T_IDENT) {
          if (!this.recovery) {
            const kr = this.tokRange(kw);
            this.diag(
              "Invalid template directive",
              'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.',
              kr,
              this.between(nextRange, kr),
            );
          }
          this.recover(T_TEMPLATE_SEQEND);
          this.popNewlines();
          continue;
        }
        this.read();
        const word = this.tokText(kw);
        if (word === "if") {
          const cond = this.parseExpression();
          parts.push({ t: "if", cond, range: this.between(nextRange, this.nextRange()) });
        } else if (word === "else") {
          parts.push({ t: "else", range: this.between(nextRange, this.nextRange()) });
        } else if (word === "endif") {
          parts.push({ t: "endif", range: this.between(nextRange, this.nextRange()) });
        } else if (word === "for") {
          if (this.peekKind() !== T_IDENT) {
            if (!this.recovery) {
              this.diag(
                "Invalid 'for' directive",
                "For directive requires variable name after 'for'.",
                this.nextRange(),
              );
            }
            this.recover(T_TEMPLATE_SEQEND);
            this.popNewlines();
            continue;
          }
          let keyVar: string | null = null;
          let valueVar = this.tokText(this.read());
          if (this.peekKind() === T_COMMA) {
            keyVar = valueVar;
            this.read();
            if (this.peekKind() !== T_IDENT) {
              if (!this.recovery) {
                this.diag(
                  "Invalid 'for' directive",
                  "For directive requires value variable name after comma.",
                  this.nextRange(),
                );
              }
              this.recover(T_TEMPLATE_SEQEND);
              this.popNewlines();
              continue;
            }
            valueVar = this.tokText(this.read());
          }
          if (!this.tokIs(this.peek(), "in")) {
            if (!this.recovery) {
              this.diag(
                "Invalid 'for' directive",
                "For directive requires 'in' keyword after names.",
                this.nextRange(),
              );
            }
            this.recover(T_TEMPLATE_SEQEND);
            this.popNewlines();
            continue;
          }
          this.read();
          const coll = this.parseExpression();
          parts.push({ t: "for", keyVar, valueVar, coll, range: this.between(nextRange, this.nextRange()) });
        } else if (word === "endfor") {
          parts.push({ t: "endfor", range: this.between(nextRange, this.nextRange()) });
        } else {
          if (!this.recovery) {
            const suggestion = nameSuggestion(word, ["if", "for", "else", "endif", "endfor"]);
            const kr = this.tokRange(kw);
            this.diag(
              "Invalid template control keyword",
              `${JSON.stringify(word)} is not a valid template control keyword.${suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ""}`,
              kr,
              this.between(nextRange, kr),
            );
          }
          this.recover(T_TEMPLATE_SEQEND);
          this.popNewlines();
          continue;
        }
        const close = this.peek();
        if (kind[close] !== T_TEMPLATE_SEQEND) {
          if (!this.recovery) {
            const cr = this.tokRange(close);
            this.diag(
              `Extra characters in ${word} marker`,
              "Expected a closing brace to end the sequence, but found extra characters.",
              cr,
              this.between(startRange, cr),
            );
          }
          this.recover(T_TEMPLATE_SEQEND);
        } else {
          this.read();
          if ((this.end[close] as number) - (this.start[close] as number) === 2) ltrimNext = true;
        }
        this.popNewlines();
        continue;
      }
      // Anything else ends the template: an unterminated string.
      if (!this.recovery) {
        const nr = this.tokRange(next);
        this.diag(
          "Unterminated template string",
          "No closing marker was found for the string.",
          nr,
          this.between(startRange, nr),
        );
      }
      const final = this.recover(end);
      endRange = this.tokRange(final);
      break;
    }
    if (parts.length === 0) {
      // An empty template is an empty string, placed just after the opening marker (as hclsyntax does).
      const at = startRange.end.byte;
      parts.push({ t: "lit", value: "", start: at, end: at });
    }
    parts.push({ t: "end", range: endRange });
    return { parts, range: this.between(startRange, endRange) };
  }
}

export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpaceUnit(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

export function trimRightSpace(s: string): string {
  let i = s.length;
  while (i > 0 && isSpaceUnit(s.charCodeAt(i - 1))) i--;
  return i === s.length ? s : s.slice(0, i);
}

function trimPrevious(parts: TemplatePart[]): void {
  const prev = parts[parts.length - 1];
  if (prev !== undefined && prev.t === "lit") prev.value = trimRightSpace(prev.value);
}

/** The suggestion closest to `given` by edit distance (at most 2), as hclsyntax's nameSuggestion. */
function nameSuggestion(given: string, suggestions: string[]): string {
  for (const s of suggestions) if (levenshtein(given, s) < 3) return s;
  return "";
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}
