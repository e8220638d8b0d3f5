// Writes .env.example from the zod schema in config/env.ts (npm run env:example); checked for
// drift in CI like docs/openapi.json.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describeEnv } from '../src/config/env'

const out = path.resolve(import.meta.dirname, '../../../.env.example')
const lines = [
  '# UnionHall configuration. Every variable is optional for `npm start` on SQLite.',
  '',
]
for (const v of describeEnv()) {
  if (v.description) lines.push(`# ${v.description}`)
  lines.push(`${v.sensitive ? '# (sensitive) ' : ''}${v.name}=${v.defaultValue ?? ''}`, '')
}
writeFileSync(out, lines.join('\n'))
console.log(`wrote ${path.relative(process.cwd(), out)}`)
