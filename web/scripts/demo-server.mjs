// A throwaway demo council served by `hearth serve` on a free port: what front-end development
// (scripts/dev.mjs) and the browser tests (e2e/run.mjs) run against, as scripts/lib/demo-server.sh
// is for ctest. The store and the server's log live in a temporary folder that stop() removes.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** $HEARTH_BIN, else the first of the builds named (build/<name>/bin/hearth) that exists. */
export function findHearth(builds) {
  if (process.env.HEARTH_BIN) return path.resolve(process.env.HEARTH_BIN)
  return builds.map((b) => path.join(root, 'build', b, 'bin', 'hearth')).find((p) => fs.existsSync(p)) ?? null
}

/**
 * Makes the demo council (`hearth demo DEMO_ARGS`, its users' password `password`) in a new
 * SQLite store and serves it on 127.0.0.1 with SERVE_ARGS (GLOBAL_ARGS, such as --config, before
 * each command). Resolves to { url, log, stop }. The
 * server is stopped when this process exits, however that happens (stop() is synchronous for
 * that); a caller stops it sooner with stop(), as the server keeps the process alive.
 */
export async function startDemoServer({ bin, password, demoArgs = ['--children', '300', '--years', '3'], serveArgs = [], globalArgs = [] }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-demo-'))
  const store = `sqlite:${path.join(work, 'demo.db')}`
  const log = path.join(work, 'serve.log')
  const env = { ...process.env, HEARTH_DEMO_PASSWORD: password }
  const remove = () => fs.rmSync(work, { recursive: true, force: true, maxRetries: 5 })
  let server
  try {
    execFileSync(bin, ['--store', store, ...globalArgs, 'demo', ...demoArgs], { env, stdio: ['ignore', 'ignore', 'inherit'] })
    const logFd = fs.openSync(log, 'w')
    server = spawn(bin, ['--store', store, ...globalArgs, 'serve', '--listen', '127.0.0.1:0', ...serveArgs], { env, stdio: ['ignore', 'pipe', logFd] })
    fs.closeSync(logFd) // the server has its own copy
  } catch (e) {
    remove()
    throw e
  }
  const exited = new Promise((resolve) => server.once('exit', resolve))
  // SIGKILL: a server asked to stop would still write to its store (closing it makes the file
  // again) after this returns, and nothing in a store about to be removed needs a clean close.
  const stop = () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL')
    remove()
  }
  process.once('exit', stop)
  // It says where it listens once the store is loaded; a slow (sanitizer) build may take minutes.
  const url = await new Promise((resolve) => {
    let out = ''
    server.stdout.on('data', (chunk) => {
      out += chunk
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out)
      if (m) resolve(m[0])
    })
    void exited.then(() => resolve(null))
  })
  if (!url) {
    const why = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim() : ''
    stop()
    throw new Error(`hearth serve did not start${why ? `: ${why}` : ''}`)
  }
  return { url, log, stop }
}
