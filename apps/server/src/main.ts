import { ConfigError, loadConfig } from './config/env'
import { buildApp } from './app'
import { seedDemoIfEmpty } from './demo/seed-demo'

/** The only file that listens: load config → build the app → seed on first start → listen. */
const main = async () => {
  const startedAt = performance.now()
  let config
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message)
      process.exit(1)
    }
    throw e
  }
  const { app, database, crypto } = await buildApp(config, { jobs: true })
  const seeded =
    config.SEED_DEMO === 'false'
      ? null
      : await seedDemoIfEmpty(database.db, crypto, { force: config.SEED_DEMO === 'true' })
  await app.listen({ port: config.PORT, host: config.HOST })
  app.log.info(
    { ms: Math.round(performance.now() - startedAt), dialect: database.dialect },
    'UnionHall is listening',
  )
  if (seeded) {
    console.log(`\nUnionHall demo data loaded (${seeded.orgs} orgs, ${seeded.members} members).`)
    console.log(
      `Open http://localhost:${config.PORT} and sign in with one of these demo accounts:\n`,
    )
    for (const a of seeded.accounts)
      console.log(`  ${a.mobile}  ${a.password}  ${a.role.padEnd(15)} ${a.org}`)
    console.log('')
  }

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down: finishing in-flight requests')
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long; exiting')
      process.exit(1)
    }, 10_000)
    timer.unref()
    // app.close() stops accepting, waits for in-flight requests, then closes the DB (onClose hook).
    void app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error during shutdown')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

void main()
