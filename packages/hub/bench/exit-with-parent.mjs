/**
 * Preloaded (`node --import`) into the hub process a bench starts: when the bench goes away,
 * however it ends (error, Ctrl-C, even SIGKILL), its IPC channel closes and the hub gets the
 * SIGTERM an operator would send, so it shuts down as `serve` does. Touches nothing else: the
 * hub runs unchanged.
 */
if (process.channel) {
  // The channel must not keep the hub alive once `serve` has stopped.
  process.channel.unref()
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'))
}
