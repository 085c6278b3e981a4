// The front end's types of the API's replies, generated from the OpenAPI document (`hearth
// openapi`, whose schemas are src/web/schemas/*.json), so the pages cannot drift from what the
// server sends: a test runs this with --check.
//
//   node scripts/api-types.mjs OPENAPI.json OUT.ts            write OUT.ts and OUT/*.ts (one file per schema file)
//   node scripts/api-types.mjs OPENAPI.json OUT.ts --check    exit 1, naming what differs, unless
//                                                             OUT.ts is exactly what it would write
// OPENAPI.json may be - (standard input): `hearth openapi | node scripts/api-types.mjs - OUT.ts`.
//
// The schemas use a small subset of OpenAPI 3.0.3, the one the server's own reply test checks
// (type, properties, required, additionalProperties, items, enum, nullable, $ref, oneOf, format,
// description); anything else is refused rather than guessed at.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'nullable', '$ref', 'oneOf', 'format', 'description'])
const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean'])
const REF = '#/components/schemas/'
const METHODS = ['get', 'post', 'put', 'delete']

class SchemaError extends Error {}

/** Refuses a schema outside the subset, naming where it is. */
function checkSchema(s, where, names) {
  const fail = (why) => { throw new SchemaError(`${where}: ${why}`) }
  if (!s || typeof s !== 'object' || Array.isArray(s)) fail('a schema must be an object')
  for (const k of Object.keys(s)) if (!KEYWORDS.has(k)) fail(`"${k}" is not in the schema subset`)
  if ('$ref' in s) {
    if (Object.keys(s).length !== 1) fail('$ref must be alone in its object (use oneOf: [{$ref}] to add nullable)')
    if (!s.$ref.startsWith(REF) || !names.has(s.$ref.slice(REF.length))) fail(`$ref ${s.$ref} names no schema`)
    return
  }
  if (s.type !== undefined && !TYPES.has(s.type)) fail(`type "${s.type}" is not one of ${[...TYPES].join(', ')}`)
  if (s.enum && (s.type !== 'string' || !s.enum.every((e) => typeof e === 'string'))) fail('enum is for strings only')
  if (s.type === 'array' && !s.items) fail('an array needs items')
  for (const r of s.required ?? []) if (!(r in (s.properties ?? {}))) fail(`required "${r}" is not a property`)
  for (const [k, p] of Object.entries(s.properties ?? {})) checkSchema(p, `${where}.${k}`, names)
  if (typeof s.additionalProperties === 'object') checkSchema(s.additionalProperties, `${where}[*]`, names)
  if (s.items) checkSchema(s.items, `${where}[]`, names)
  for (const [i, o] of (s.oneOf ?? []).entries()) checkSchema(o, `${where}.oneOf[${i}]`, names)
}

const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name))
const union = (parts) => [...new Set(parts)].join(' | ')
const FORMATS = { date: 'YYYY-MM-DD', 'date-time': 'ISO 8601 date and time' }
const doc = (s, indent) => {
  const text = [s.description, s.format && (FORMATS[s.format] ?? s.format)].filter(Boolean).join('; ')
  return text ? `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n` : ''
}

/** An object's members: its properties (in name order; optional unless required) and, for a
 * map, an index signature. */
function members(s, indent) {
  const required = new Set(s.required ?? [])
  const props = Object.entries(s.properties ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const lines = props.map(([name, p]) => `${doc(p, indent)}${indent}${key(name)}${required.has(name) ? '' : '?'}: ${render(p, indent)}`)
  const extra = s.additionalProperties
  if (extra === true || typeof extra === 'object') {
    // an index signature must also admit every named property's type (undefined, if optional)
    const named = props.map(([name, p]) => render(p, indent) + (required.has(name) ? '' : ' | undefined'))
    const value = extra === true ? 'unknown' : union([render(extra, indent), ...named])
    lines.push(`${indent}[key: string]: ${value}`)
  }
  return lines
}

/** Whether a schema's type is written as a union (and needs brackets as an array's items). */
const isUnion = (s) => !!s.nullable || (s.enum?.length ?? 0) > 1 || (s.oneOf ? s.oneOf.length > 1 || isUnion(s.oneOf[0]) : false)

/** The type of a schema, as TypeScript; `indent` is where a nested object's members start. */
function render(s, indent = '') {
  let t
  if (s.$ref) t = s.$ref.slice(REF.length)
  else if (s.oneOf) t = union(s.oneOf.map((o) => render(o, indent)))
  else if (s.enum) t = union(s.enum.map(quote))
  else if (s.type === 'string') t = 'string'
  else if (s.type === 'integer' || s.type === 'number') t = 'number'
  else if (s.type === 'boolean') t = 'boolean'
  else if (s.type === 'array') {
    const item = render(s.items, indent)
    t = isUnion(s.items) ? `(${item})[]` : `${item}[]`
  } else if (s.type === 'object' && !s.properties && (s.additionalProperties === undefined || s.additionalProperties === true)) t = 'Record<string, unknown>'
  else if (s.type === 'object' && !s.properties && typeof s.additionalProperties === 'object') t = `Record<string, ${render(s.additionalProperties, indent)}>`
  else if (s.type === 'object') {
    const inner = members(s, indent + '  ')
    t = inner.length ? `{\n${inner.join('\n')}\n${indent}}` : 'Record<string, never>'
  } else t = 'unknown'
  return s.nullable ? union([t, 'null']) : t
}

/** One exported declaration per schema: an interface for an object with properties, else a
 * type alias. */
function declaration(name, s) {
  if (s.type === 'object' && s.properties && !s.nullable) return `${doc(s, '')}export interface ${name} {\n${members(s, '  ').join('\n')}\n}`
  return `${doc(s, '')}export type ${name} = ${render(s)}`
}

/** Each operation's success reply: the schema of its first 2xx response's JSON content, or
 * undefined for a reply without a body (204). */
function replies(document) {
  const lines = []
  for (const p of Object.keys(document.paths ?? {}).sort()) {
    for (const method of METHODS) {
      const op = document.paths[p][method]
      if (!op) continue
      const where = `${method.toUpperCase()} ${p}`
      const code = Object.keys(op.responses ?? {}).filter((c) => /^2\d\d$/.test(c)).sort()[0]
      if (!code) throw new SchemaError(`${where} has no success response`)
      const schema = op.responses[code].content?.['application/json']?.schema
      if (schema) checkSchema(schema, `${where} ${code}`, new Set(Object.keys(document.components?.schemas ?? {})))
      lines.push(`  ${quote(where)}: ${schema ? render(schema, '  ') : 'undefined'}`)
    }
  }
  return `/** Each operation's success reply, by "METHOD path" as the document writes them (undefined: no body). */\nexport interface Replies {\n${lines.join('\n')}\n}`
}

// The schemas by the file of src/web/schemas/ that defines them (children.json → children.ts), so
// each generated file holds one resource's replies; what no file defines (Error) is "common".
const SCHEMA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/web/schemas')
function groupsOf(names) {
  const group = new Map([...names].map((n) => [n, 'common']))
  if (fs.existsSync(SCHEMA_DIR)) {
    for (const f of fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json')).sort()) {
      for (const n of Object.keys(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')))) {
        if (group.has(n)) group.set(n, f.replace(/\.json$/, ''))
      }
    }
  }
  return group
}

/** The names of `names` a piece of generated text refers to (comments left out). */
function referenced(text, names) {
  const code = text.replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '').replace(/'[^'\n]*'/g, "''")
  return [...names].filter((n) => new RegExp(`\\b${n}\\b`).test(code)).sort()
}

const HEADER = (document) => '// Generated by web/scripts/api-types.mjs from the OpenAPI document of the ' +
  `${document.info?.title ?? 'API'} (version ${document.info?.version ?? '?'}):\n` +
  '// `hearth openapi`, whose schemas are src/web/schemas/*.json. Do not edit: regenerate it\n' +
  '// (web/README.md). A test fails when this file and the document differ.'

/** The files to write, by path: OUT.ts (every type re-exported, and Replies) and, beside it in
 * OUT/, one file of declarations per schema file. */
function generate(document, output) {
  const schemas = document.components?.schemas ?? {}
  const names = new Set(Object.keys(schemas))
  const sorted = [...names].sort()
  for (const name of sorted) checkSchema(schemas[name], name, names)
  const group = groupsOf(names)
  const dir = output.replace(/\.ts$/, '')
  const base = path.basename(dir)
  const files = new Map()
  const groups = [...new Set(group.values())].sort()
  for (const g of groups) {
    const body = sorted.filter((n) => group.get(n) === g).map((n) => declaration(n, schemas[n])).join('\n\n')
    const imports = []
    for (const other of groups.filter((o) => o !== g)) {
      const used = referenced(body, sorted.filter((n) => group.get(n) === other))
      if (used.length) imports.push(`import type { ${used.join(', ')} } from './${other}'`)
    }
    files.set(path.join(dir, `${g}.ts`), [HEADER(document), ...(imports.length ? [imports.join('\n')] : []), body].join('\n\n') + '\n')
  }
  const reply = replies(document)
  const imports = groups.map((g) => {
    const used = referenced(reply, sorted.filter((n) => group.get(n) === g))
    return used.length ? `import type { ${used.join(', ')} } from './${base}/${g}'` : null
  }).filter(Boolean)
  const reexports = groups.map((g) => `export type * from './${base}/${g}'`)
  files.set(output, [HEADER(document), [...imports, ...reexports].join('\n'), reply].join('\n\n') + '\n')
  return files
}

/** The file's declarations by name (the header as "the header"), to say which ones differ. */
function declarations(text) {
  const out = new Map()
  for (const block of text.split(/\n\n(?=(?:\/\*\*[^\n]*\n)?export )/)) {
    const m = /^(?:\/\*\*[^\n]*\n)?export (?:interface|type) (\w+)/.exec(block)
    out.set(m ? m[1] : 'the header', block.trim())
  }
  return out
}

function describeDrift(want, have) {
  const a = declarations(want)
  const b = declarations(have)
  const changed = [...a.keys()].filter((k) => b.has(k) && a.get(k) !== b.get(k))
  const missing = [...a.keys()].filter((k) => !b.has(k))
  const extra = [...b.keys()].filter((k) => !a.has(k))
  const parts = []
  if (changed.length) parts.push(`changed: ${changed.join(', ')}`)
  if (missing.length) parts.push(`missing: ${missing.join(', ')}`)
  if (extra.length) parts.push(`not in the document: ${extra.join(', ')}`)
  return parts.join('; ') || 'the declarations are in another order'
}

function main(argv) {
  const check = argv.includes('--check')
  const [input, output, ...rest] = argv.filter((a) => a !== '--check')
  if (!input || !output || rest.length) {
    console.error('usage: node scripts/api-types.mjs OPENAPI.json|- OUT.ts [--check]')
    return 2
  }
  let files
  try {
    files = generate(JSON.parse(fs.readFileSync(input === '-' ? 0 : input, 'utf8')), output)
  } catch (e) {
    if (!(e instanceof SchemaError || e instanceof SyntaxError)) throw e
    console.error(`api-types: ${input === '-' ? 'the document' : input}: ${e.message}`)
    return 2
  }
  const dir = output.replace(/\.ts$/, '')
  if (!check) {
    // the folder holds only what this run writes: a schema file gone takes its types with it
    fs.rmSync(dir, { recursive: true, force: true })
    fs.mkdirSync(dir, { recursive: true })
    for (const [file, text] of files) fs.writeFileSync(file, text)
    return 0
  }
  let bad = 0
  const stray = fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)).filter((f) => !files.has(f)) : []
  for (const f of stray) { console.error(`api-types: ${f} is not generated from the document`); bad++ }
  for (const [file, text] of files) {
    const have = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null
    if (have === text) continue
    bad++
    console.error(have === null
      ? `api-types: ${file} does not exist`
      : `api-types: ${file} is not what the OpenAPI document generates (${describeDrift(text, have)}).`)
  }
  if (!bad) return 0
  const self = path.relative(process.cwd(), fileURLToPath(import.meta.url))
  console.error(`Regenerate it: hearth openapi | node ${self} - ${output}`)
  return 1
}

process.exitCode = main(process.argv.slice(2))
