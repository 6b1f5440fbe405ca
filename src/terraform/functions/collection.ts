/**
 * Terraform's collection functions. Arguments may hold unknowns inside (parameters declare `allowUnknown`) so that a
 * `concat` or `merge` over partly-known data keeps its known parts; a wholly unknown collection gives an unknown.
 */
import { type EagerFunction, FunctionError, type HclFunction } from "../../hcl/function.js";
import {
  containsUnknown,
  equalValues,
  isObjectValue,
  makeSet,
  mark,
  type ObjectValue,
  object,
  openReference,
  SetValue,
  Unknown,
  unmark,
  type Value,
} from "../../hcl/value.js";
import { argAs, listArg, numberArg, sequenceItems, setArg, stringArg, unknownFrom } from "./arguments.js";
import { graphemeCount } from "./graphemes.js";
import { compareKeys, sortedKeys } from "./json.js";
import { decimalSum } from "./numeric.js";
import { ConversionError, convert, friendlyName, listOf, mapOf, setOf, type Type, typeOf, unify } from "./types.js";

/** cty's `Equals` over known parts: undefined when unknowns leave the answer open. */
export function valuesEqual(a: Value, b: Value): boolean | undefined {
  if (!containsUnknown(a) && !containsUnknown(b)) return equalValues(a, b);
  if (a instanceof Unknown || b instanceof Unknown) return undefined;
  const as = sequenceItems(a);
  const bs = sequenceItems(b);
  if (as && bs) {
    if (as.length !== bs.length || Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
      let open = false;
      for (let i = 0; i < as.length; i++) {
        const e = valuesEqual(as[i] as Value, bs[i] as Value);
        if (e === false) return false;
        if (e === undefined) open = true;
      }
      return open ? undefined : true;
    }
    return undefined;
  }
  if (isObjectValue(a) && isObjectValue(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length || ka.some((k) => !(k in b))) return false;
    let open = false;
    for (const k of ka) {
      const e = valuesEqual(a[k] as Value, b[k] as Value);
      if (e === false) return false;
      if (e === undefined) open = true;
    }
    return open ? undefined : true;
  }
  return false;
}

function isUnknown(v: Value | undefined): v is Unknown {
  return v instanceof Unknown;
}

/** A set's length: known unless unknown elements might coincide with others. */
function setLength(s: SetValue): number | undefined {
  if (s.items.length <= 1 || !s.items.some(containsUnknown)) return s.items.length;
  return undefined;
}

const length: EagerFunction = {
  params: [{ name: "value", allowUnknown: true }],
  returns: "number",
  impl(args) {
    const v = args[0] as Value;
    if (typeof v === "string") return graphemeCount(v);
    if (Array.isArray(v)) return v.length;
    if (v instanceof SetValue) return setLength(v) ?? unknownFrom(args, "number");
    if (isObjectValue(v)) return Object.keys(v).length;
    if (v instanceof Unknown) return unknownFrom(args, "number");
    throw new FunctionError("argument must be a string, a collection type, or a structural type");
  },
};

const element: EagerFunction = {
  params: [{ name: "list", allowUnknown: true }, { name: "index" }],
  impl(args) {
    const list = args[0] as Value;
    const index = numberArg(args, 1);
    if (!Number.isSafeInteger(index)) {
      throw new FunctionError(
        "invalid index: value must be a whole number, between -9223372036854775808 and 9223372036854775807",
      );
    }
    if (index < 0) throw new FunctionError("cannot use element function with a negative index");
    if (list instanceof Unknown) return unknownFrom([list]);
    if (!Array.isArray(list)) throw new FunctionError(`cannot read elements from ${friendlyName(typeOf(list))}`);
    if (list.length === 0) throw new FunctionError("cannot use element function with an empty list");
    return list[index % list.length] as Value;
  },
};

const index: EagerFunction = {
  params: [
    { name: "list", allowUnknown: true },
    { name: "value", allowUnknown: true },
  ],
  returns: "number",
  impl(args) {
    const list = args[0] as Value;
    if (list instanceof Unknown) return unknownFrom(args, "number");
    if (!Array.isArray(list)) throw new FunctionError("argument must be a list or tuple");
    if (list.length === 0) throw new FunctionError("cannot search an empty list");
    for (let i = 0; i < list.length; i++) {
      const eq = valuesEqual(list[i] as Value, args[1] as Value);
      if (eq === undefined) return unknownFrom(args, "number");
      if (eq) return i;
    }
    throw new FunctionError("item not found");
  },
};

const contains: EagerFunction = {
  params: [
    { name: "list", allowUnknown: true },
    { name: "value", allowUnknown: true },
  ],
  returns: "bool",
  impl(args) {
    const list = args[0] as Value;
    const items = sequenceItems(list);
    if (items === undefined) {
      if (list instanceof Unknown) return unknownFrom(args, "bool");
      throw new FunctionError("argument must be list, tuple, or set");
    }
    if (items.length === 0) return false;
    if (args[1] instanceof Unknown) return unknownFrom(args, "bool");
    let open = false;
    for (const item of items) {
      const eq = valuesEqual(item, args[1] as Value);
      if (eq === true) return true;
      if (eq === undefined) open = true;
    }
    return open ? unknownFrom(args, "bool") : false;
  },
};

const keys: EagerFunction = {
  params: [{ name: "inputMap", allowUnknown: true }],
  returns: "list",
  impl(args) {
    const v = args[0] as Value;
    if (isObjectValue(v)) return sortedKeys(v);
    if (v instanceof Unknown) return unknownFrom(args, "list");
    throw new FunctionError("must have map or object type", 0);
  },
};

const values: EagerFunction = {
  params: [{ name: "values", allowUnknown: true }],
  returns: "list",
  impl(args) {
    const v = args[0] as Value;
    if (isObjectValue(v)) return sortedKeys(v).map((k) => v[k] as Value);
    if (v instanceof Unknown) return unknownFrom(args, "list");
    throw new FunctionError("values() requires a map as the first argument");
  },
};

const lookup: EagerFunction = {
  params: [
    { name: "inputMap", allowUnknown: true },
    { name: "key", allowMarked: true },
  ],
  variadic: { name: "default", allowUnknown: true, allowNull: true },
  impl(args) {
    if (args.length > 3) throw new FunctionError(`lookup() takes two or three arguments, got ${args.length}`);
    const map = args[0] as Value;
    const { value: keyValue, sensitive } = unmark(args[1] as Value);
    if (map instanceof Unknown || keyValue instanceof Unknown) return mark(unknownFrom([map, keyValue]), sensitive);
    if (!isObjectValue(map)) throw new FunctionError("lookup() requires a map as the first argument", 0);
    const key = stringArg([keyValue], 0);
    if (key in map) return mark(map[key] as Value, sensitive);
    const open = openReference(map);
    if (open) return mark(Unknown.of(open.address, [...open.path, key]), sensitive);
    if (args.length === 3) return mark(args[2] as Value, sensitive);
    throw new FunctionError(`lookup failed to find key ${sensitive ? "(sensitive value)" : JSON.stringify(key)}`);
  },
};

const merge: EagerFunction = {
  params: [],
  variadic: { name: "maps", allowNull: true, allowUnknown: true },
  impl(args) {
    for (const arg of args) {
      if (arg !== null && !isObjectValue(arg) && !(arg instanceof Unknown)) {
        throw new FunctionError(`arguments must be maps or objects, got ${JSON.stringify(friendlyName(typeOf(arg)))}`);
      }
    }
    if (args.some(isUnknown)) return unknownFrom(args, "map");
    const out = object();
    for (const arg of args) {
      if (arg === null) continue;
      const o = arg as ObjectValue;
      for (const k in o) out[k] = o[k] as Value;
    }
    return out;
  },
};

const concat: EagerFunction = {
  params: [],
  variadic: { name: "seqs", allowUnknown: true },
  impl(args) {
    if (args.length === 0) throw new FunctionError("at least one argument is required");
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as Value;
      if (!Array.isArray(arg) && !(arg instanceof Unknown && (arg.type === "list" || arg.type === "any"))) {
        throw new FunctionError(`all arguments must be lists or tuples; got ${friendlyName(typeOf(arg))}`, i);
      }
    }
    if (args.some(isUnknown)) return unknownFrom(args, "list");
    const out: Value[] = [];
    for (const arg of args) for (const v of arg as Value[]) out.push(v);
    return out;
  },
};

function flattenInto(items: readonly Value[], out: Value[]): boolean {
  for (const v of items) {
    if (Array.isArray(v) || v instanceof SetValue) {
      if (!flattenInto(Array.isArray(v) ? v : v.items, out)) return false;
    } else if (
      v instanceof Unknown &&
      v.type !== "string" &&
      v.type !== "number" &&
      v.type !== "bool" &&
      v.type !== "map"
    ) {
      return false;
    } else {
      out.push(v);
    }
  }
  return true;
}

const flatten: EagerFunction = {
  params: [{ name: "list", allowUnknown: true }],
  impl(args) {
    const v = args[0] as Value;
    if (v instanceof Unknown) return unknownFrom(args, "list");
    const items = sequenceItems(v);
    if (items === undefined) throw new FunctionError("can only flatten lists, sets and tuples");
    const out: Value[] = [];
    return flattenInto(items, out) ? out : unknownFrom(args, "list");
  },
};

const distinct: EagerFunction = {
  params: [{ name: "list", allowUnknown: true }],
  returns: "list",
  impl(args) {
    if (containsUnknown(args[0] as Value)) return unknownFrom(args, "list");
    const list = listArg(args, 0);
    const out: Value[] = [];
    for (const v of list) if (!out.some((u) => equalValues(u, v))) out.push(v);
    return out;
  },
};

const compact: EagerFunction = {
  params: [{ name: "list", allowUnknown: true }],
  returns: "list",
  impl(args) {
    if (containsUnknown(args[0] as Value)) return unknownFrom(args, "list");
    return (listArg(args, 0, "string") as (string | null)[]).filter((s) => s !== null && s !== "");
  },
};

const chunklist: EagerFunction = {
  params: [{ name: "list", allowUnknown: true }, { name: "size" }],
  returns: "list",
  impl(args) {
    const size = numberArg(args, 1);
    if (!Number.isSafeInteger(size)) {
      throw new FunctionError(
        "invalid size: value must be a whole number, between -9223372036854775808 and 9223372036854775807",
      );
    }
    if (size < 0) throw new FunctionError("the size argument must be positive");
    if (args[0] instanceof Unknown) return unknownFrom(args, "list");
    const list = listArg(args, 0);
    if (list.length === 0) return [];
    if (size === 0) return [list];
    const out: Value[] = [];
    for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
    return out;
  },
};

const coalesce: EagerFunction = {
  params: [],
  variadic: { name: "vals", allowNull: true, allowUnknown: true },
  impl(args) {
    const type = args.length === 0 ? undefined : unify(args.map(typeOf));
    if (type === undefined) throw new FunctionError("all arguments must have the same type");
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as Value;
      if (arg instanceof Unknown) return unknownFrom(args);
      if (arg === null) continue;
      const v = argAs(args, i, type);
      if (type === "string" && v === "") continue;
      return v;
    }
    throw new FunctionError("no non-null, non-empty-string arguments");
  },
};

const coalescelist: EagerFunction = {
  params: [],
  variadic: { name: "vals", allowNull: true, allowUnknown: true },
  impl(args) {
    if (args.length === 0) throw new FunctionError("at least one argument is required");
    for (const arg of args) {
      if (arg !== null && !(arg instanceof Unknown) && !Array.isArray(arg)) {
        throw new FunctionError("coalescelist arguments must be lists or tuples");
      }
    }
    for (const arg of args) {
      if (arg instanceof Unknown) return unknownFrom(args, "list");
      if (arg === null) continue;
      if ((arg as Value[]).length > 0) return arg as Value;
    }
    throw new FunctionError("no non-null arguments");
  },
};

const one: EagerFunction = {
  params: [{ name: "list", allowUnknown: true }],
  impl(args) {
    const v = args[0] as Value;
    if (v instanceof Unknown) return unknownFrom(args);
    const items = sequenceItems(v);
    if (v instanceof SetValue && setLength(v) === undefined) return unknownFrom(args);
    if (items === undefined || items.length > 1) {
      throw new FunctionError("must be a list, set, or tuple value with either zero or one elements", 0);
    }
    return items.length === 0 ? null : (items[0] as Value);
  },
};

const range: EagerFunction = {
  params: [],
  variadic: { name: "params" },
  returns: "list",
  impl(args) {
    const n = args.map((_, i) => numberArg(args, i));
    let start: number;
    let end: number;
    let step: number;
    switch (n.length) {
      case 1:
        [start, end, step] = [0, n[0] as number, (n[0] as number) < 0 ? -1 : 1];
        break;
      case 2:
        [start, end] = [n[0] as number, n[1] as number];
        step = end < start ? -1 : 1;
        break;
      case 3:
        [start, end, step] = n as [number, number, number];
        break;
      default:
        throw new FunctionError("must have one, two, or three arguments");
    }
    if (step === 0) throw new FunctionError("step must not be zero", 2);
    const down = step < 0;
    if (down && end > start) throw new FunctionError("end must be less than start when step is negative", 1);
    if (!down && end < start) throw new FunctionError("end must be greater than start when step is positive", 1);
    const out: number[] = [];
    for (let num = start; down ? num > end : num < end; num = decimalSum([num, step])) {
      if (out.length >= 1024) {
        throw new FunctionError(
          "more than 1024 values were generated; either decrease the difference between start and end or use a smaller step",
        );
      }
      out.push(num);
    }
    return out;
  },
};

const reverse: EagerFunction = {
  params: [{ name: "list", allowUnknown: true }],
  returns: "list",
  impl(args) {
    const v = args[0] as Value;
    if (v instanceof Unknown) return unknownFrom(args, "list");
    const items = sequenceItems(v);
    if (items === undefined)
      throw new FunctionError(`can only reverse list or tuple values, not ${friendlyName(typeOf(v))}`, 0);
    return items.slice().reverse();
  },
};

function sliceIndex(args: readonly Value[], i: number, what: "start" | "end", length: number): number {
  const n = numberArg(args, i);
  if (!Number.isSafeInteger(n)) {
    throw new FunctionError(
      `invalid ${what} index: value must be a whole number, between -9223372036854775808 and 9223372036854775807`,
      i,
    );
  }
  if (n < 0) throw new FunctionError(`${what} index must not be less than zero`, i);
  if (n > length) throw new FunctionError(`${what} index must not be greater than the length of the list`, i);
  return n;
}

const slice: EagerFunction = {
  params: [{ name: "list", allowUnknown: true }, { name: "start_index" }, { name: "end_index" }],
  returns: "list",
  impl(args) {
    const v = args[0] as Value;
    if (v instanceof SetValue) {
      throw new FunctionError(
        "cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important",
        0,
      );
    }
    if (v instanceof Unknown) return unknownFrom(args, "list");
    if (!Array.isArray(v)) throw new FunctionError("must be a list or tuple value", 0);
    const start = sliceIndex(args, 1, "start", v.length);
    const end = sliceIndex(args, 2, "end", v.length);
    if (start > end) throw new FunctionError("start index must not be greater than end index", 1);
    return v.slice(start, end);
  },
};

const sort: EagerFunction = {
  params: [{ name: "list", allowUnknown: true }],
  returns: "list",
  impl(args) {
    if (containsUnknown(args[0] as Value)) return unknownFrom(args, "list");
    const list = listArg(args, 0, "string") as (string | null)[];
    const nullAt = list.indexOf(null);
    if (nullAt >= 0) throw new FunctionError(`given list element ${nullAt} is null; a null string cannot be sorted`, 0);
    return (list as string[]).slice().sort(compareKeys);
  },
};

const sum: EagerFunction = {
  params: [{ name: "list", allowUnknown: true }],
  returns: "number",
  impl(args) {
    const v = args[0] as Value;
    if (v instanceof Unknown) return unknownFrom(args, "number");
    const items = sequenceItems(v) ?? (isObjectValue(v) ? Object.keys(v).map((k) => v[k] as Value) : undefined);
    if (items === undefined) throw new FunctionError("cannot sum noniterable", 0);
    if (items.length === 0) throw new FunctionError("cannot sum an empty list", 0);
    if (!sequenceItems(v)) {
      throw new FunctionError(`argument must be list, set, or tuple. Received ${friendlyName(typeOf(v))}`, 0);
    }
    if (containsUnknown(v)) return unknownFrom(args, "number");
    const numbers = items.map((x) => {
      if (x === null) throw new FunctionError("argument must be list, set, or tuple of number values", 0);
      try {
        return convert(x, "number") as number;
      } catch (e) {
        if (e instanceof ConversionError)
          throw new FunctionError("argument must be list, set, or tuple of number values", 0);
        throw e;
      }
    });
    return decimalSum(numbers);
  },
};

const transpose: EagerFunction = {
  params: [{ name: "values", allowUnknown: true }],
  returns: "map",
  impl(args) {
    if (containsUnknown(args[0] as Value)) return unknownFrom(args, "map");
    const input = argAs(args, 0, mapOf(listOf("string"))) as Record<string, (string | null)[] | null>;
    const collected = new Map<string, string[]>();
    for (const inKey of Object.keys(input)) {
      for (const outKey of input[inKey] ?? []) {
        if (typeof outKey !== "string") throw new FunctionError("input must be a map of lists of strings");
        const list = collected.get(outKey);
        if (list) list.push(inKey);
        else collected.set(outKey, [inKey]);
      }
    }
    const out = object();
    for (const k of [...collected.keys()].sort(compareKeys)) out[k] = (collected.get(k) as string[]).sort(compareKeys);
    return out;
  },
};

const zipmap: EagerFunction = {
  params: [
    { name: "keys", allowUnknown: true },
    { name: "values", allowUnknown: true },
  ],
  returns: "map",
  impl(args) {
    if (args[1] instanceof Unknown) return unknownFrom(args, "map");
    const vals = args[1] as Value;
    if (!Array.isArray(vals)) throw new FunctionError("values argument must be a list or tuple value");
    if (containsUnknown(args[0] as Value)) return unknownFrom(args, "map");
    const names = listArg(args, 0, "string");
    if (names.length !== vals.length) {
      throw new FunctionError(`number of keys (${names.length}) does not match number of values (${vals.length})`);
    }
    const out = object();
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (typeof name !== "string") throw new FunctionError(`keys list has null value at index ${i}`);
      out[name] = vals[i] as Value;
    }
    return out;
  },
};

const alltrue: EagerFunction = {
  params: [{ name: "list", allowUnknown: true }],
  returns: "bool",
  impl(args) {
    if (args[0] instanceof Unknown) return unknownFrom(args, "bool");
    for (const v of listArg(args, 0, "bool")) {
      if (v instanceof Unknown) return unknownFrom(args, "bool");
      if (v !== true) return false;
    }
    return true;
  },
};

const anytrue: EagerFunction = {
  params: [{ name: "list", allowUnknown: true }],
  returns: "bool",
  impl(args) {
    if (args[0] instanceof Unknown) return unknownFrom(args, "bool");
    let open = false;
    for (const v of listArg(args, 0, "bool")) {
      if (v instanceof Unknown) open = true;
      else if (v === true) return true;
    }
    return open ? unknownFrom(args, "bool") : false;
  },
};

const matchkeys: EagerFunction = {
  params: [
    { name: "values", allowUnknown: true },
    { name: "keys", allowUnknown: true },
    { name: "searchset", allowUnknown: true },
  ],
  returns: "list",
  impl(args) {
    if (args[0] instanceof Unknown) return unknownFrom(args, "list");
    const vals = listArg(args, 0);
    if (args[1] instanceof Unknown || args[2] instanceof Unknown) return unknownFrom(args, "list");
    let keyList = listArg(args, 1);
    let search = listArg(args, 2);
    const common = unify([typeOf(keyList), typeOf(search)]);
    if (common === undefined) throw new FunctionError("keys and searchset must be of the same type");
    if (vals.length !== keyList.length) throw new FunctionError("length of keys and values should be equal");
    try {
      keyList = convert(keyList, common) as Value[];
      search = convert(search, common) as Value[];
    } catch (e) {
      if (e instanceof ConversionError) throw new FunctionError("keys and searchset must be of the same type");
      throw e;
    }
    if (search.length === 0) return [];
    if (containsUnknown(vals) || containsUnknown(keyList)) return unknownFrom(args, "list");
    const out: Value[] = [];
    for (let i = 0; i < keyList.length; i++) {
      for (const s of search) {
        const eq = valuesEqual(keyList[i] as Value, s);
        if (eq === undefined) return [];
        if (eq) {
          out.push(vals[i] as Value);
          break;
        }
      }
    }
    return out;
  },
};

/** cty's set operations: every argument becomes a set of one unified element type. */
function setOperands(args: readonly Value[]): SetValue[] {
  const sets = args.map((_, i) => setArg(args, i));
  const types: Type[] = [];
  for (const s of sets) {
    if (s.items.length === 0) continue;
    const t = typeOf(s);
    types.push(typeof t !== "string" && t.kind === "set" ? t.elem : "dynamic");
  }
  if (types.length === 0) return sets;
  const elem = unify(types);
  if (elem === undefined) throw new FunctionError("given sets must all have compatible element types");
  return sets.map((s, i) => argAs([s], 0, setOf(elem), i) as SetValue);
}

function setFunction(combine: (sets: SetValue[]) => Value[], knownOnly: boolean): EagerFunction {
  return {
    params: [{ name: "first_set", allowUnknown: true }],
    variadic: { name: "other_sets", allowUnknown: true },
    returns: "set",
    impl(args) {
      if (args.some(isUnknown)) return unknownFrom(args, "set");
      if (knownOnly && args.some(containsUnknown)) return unknownFrom(args, "set");
      return makeSet(combine(setOperands(args)));
    },
  };
}

const setunion = setFunction((sets) => sets.flatMap((s) => s.items), false);
const setintersection = setFunction(
  (sets) => (sets[0] as SetValue).items.filter((x) => sets.every((s) => s.items.some((y) => equalValues(x, y)))),
  true,
);
const setsubtract: EagerFunction = {
  params: [
    { name: "a", allowUnknown: true },
    { name: "b", allowUnknown: true },
  ],
  returns: "set",
  impl(args) {
    if (args.some(containsUnknown)) return unknownFrom(args, "set");
    const [a, b] = setOperands(args) as [SetValue, SetValue];
    return makeSet(a.items.filter((x) => !b.items.some((y) => equalValues(x, y))));
  },
};

const setproduct: EagerFunction = {
  params: [],
  variadic: { name: "sets", allowUnknown: true },
  impl(args) {
    if (args.length < 2) throw new FunctionError("at least two arguments are required");
    let allLists = true;
    const columns: Value[][] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as Value;
      if (arg instanceof Unknown) return unknownFrom(args, arg.type === "set" ? "set" : "list");
      if (arg instanceof SetValue) {
        allLists = false;
        columns.push(arg.items.slice());
      } else if (Array.isArray(arg)) {
        if (arg.length > 0 && unify(arg.map(typeOf)) === undefined) {
          throw new FunctionError("all elements must be of the same type", i);
        }
        columns.push(arg.length === 0 ? [] : listArg(args, i));
      } else {
        throw new FunctionError("a set or a list is required", i);
      }
    }
    const product: Value[] = [];
    if (columns.every((c) => c.length > 0)) {
      const positions = columns.map(() => 0);
      for (;;) {
        product.push(columns.map((c, j) => c[positions[j] as number] as Value));
        let j = columns.length - 1;
        while (j >= 0) {
          positions[j] = (positions[j] as number) + 1;
          if ((positions[j] as number) < (columns[j] as Value[]).length) break;
          positions[j] = 0;
          j--;
        }
        if (j < 0) break;
      }
    }
    return allLists ? product : makeSet(product);
  },
};

export const collectionFunctions: Readonly<Record<string, HclFunction>> = {
  alltrue,
  anytrue,
  chunklist,
  coalesce,
  coalescelist,
  compact,
  concat,
  contains,
  distinct,
  element,
  flatten,
  index,
  keys,
  length,
  lookup,
  matchkeys,
  merge,
  one,
  range,
  reverse,
  setintersection,
  setproduct,
  setsubtract,
  setunion,
  slice,
  sort,
  sum,
  transpose,
  values,
  zipmap,
};
