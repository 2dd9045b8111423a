/**
 * What a bench started, stopped however it ends: normally, on an error, or on Ctrl-C / SIGTERM
 * (the processes it started, the files it wrote). Tasks run in reverse order of registration,
 * each once; a failing task does not keep the others from running.
 */
type Task = () => void | Promise<void>

const tasks: Task[] = []
let signalled: NodeJS.Signals | undefined

/** Whether the bench is stopping on a signal: what fails meanwhile is its own doing. */
export const interrupted = () => signalled !== undefined

export function onCleanup(task: Task): void {
  tasks.push(task)
}

export async function cleanup(): Promise<void> {
  for (let task = tasks.pop(); task; task = tasks.pop()) {
    try {
      await task()
    } catch (error) {
      console.error('cleanup:', (error as Error).message)
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    signalled = signal
    console.error(`\n${signal}: stopping what the bench started…`)
    void cleanup().finally(() => process.exit(130))
  })
}
