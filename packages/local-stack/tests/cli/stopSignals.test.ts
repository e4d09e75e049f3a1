import { EventEmitter } from 'node:events';
import { StopSignals, waitForStopSignal } from '../../src/cli/stopSignals';

describe('Function: waitForStopSignal', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('resolves with %s', async (signal) => {
    // Prepare
    const source = new EventEmitter();
    const stopped = waitForStopSignal(source);

    // Act
    source.emit(signal, signal);

    // Assess
    await expect(stopped).resolves.toBe(signal);
  });

  it('keeps listening after the first signal, so that a second one cannot kill the closing process (130)', async () => {
    // Prepare
    const source = new EventEmitter();
    const stopped = waitForStopSignal(source);

    // Act
    source.emit('SIGINT', 'SIGINT');
    source.emit('SIGINT', 'SIGINT');
    source.emit('SIGTERM', 'SIGTERM');

    // Assess
    await expect(stopped).resolves.toBe('SIGINT');
    expect(StopSignals.map((signal) => source.listenerCount(signal))).toEqual([1, 1, 1]);
  });
});
