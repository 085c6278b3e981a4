// A real SMTP server for the browser tests: Debian's python3-aiosmtpd on a free port of
// 127.0.0.1, keeping every message it takes in a Maildir. Stopped when this process exits.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

async function freePort() {
  return await new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

async function accepts(port) {
  return await new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1')
    c.once('connect', () => { c.destroy(); resolve(true) })
    c.once('error', () => resolve(false))
  })
}

/** The messages an SMTP server keeps in `maildir`: { count(), messages(), waitFor(n, ms) }. */
export function openMailbox(maildir) {
  const messages = () => ['new', 'cur'].flatMap((sub) => {
    const d = path.join(maildir, sub)
    return fs.existsSync(d) ? fs.readdirSync(d).sort().map((f) => fs.readFileSync(path.join(d, f), 'utf8')) : []
  })
  return {
    messages,
    count: () => messages().length,
    async waitFor(n, ms) {
      const until = Date.now() + ms
      while (messages().length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 250))
      return messages()
    }
  }
}

/** Resolves to { dir, port, count(), messages(), waitFor(n, ms), stop() }. */
export async function startMailbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-mail-'))
  const maildir = path.join(dir, 'Maildir')
  const port = await freePort()
  const server = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir], { stdio: 'ignore' })
  const stop = () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL')
    fs.rmSync(dir, { recursive: true, force: true })
  }
  process.once('exit', stop)
  for (let i = 0; i < 100 && !(await accepts(port)); i++) await new Promise((r) => setTimeout(r, 100))
  if (!(await accepts(port))) throw new Error('the SMTP server (python3 -m aiosmtpd) did not start')
  return { dir, port, ...openMailbox(maildir), stop }
}
