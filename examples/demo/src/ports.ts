/** Ports on loopback: a free one for tests, and a clear error when a chosen one is taken. */
import { createServer } from 'node:net'

function tryListen(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address()
      const bound = typeof address === 'object' && address ? address.port : port
      server.close(() => resolve(bound))
    })
  })
}

/** `port` itself when it is free (0 picks one); a readable error naming the flag otherwise. */
export async function claimPort(port: number, host: string, flag: string): Promise<number> {
  try {
    return await tryListen(port, host)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `Port ${port} on ${host} is already in use: stop what uses it, or pass ${flag} <port>.`,
      )
    }
    throw error
  }
}
