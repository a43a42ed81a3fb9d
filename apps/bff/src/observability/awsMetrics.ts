import type {
  AbsoluteLocation,
  InitializeHandlerOptions,
  InitializeMiddleware,
  Pluggable,
} from '@smithy/types';
import { awsCallDuration, outcomeOf } from './metrics.ts';

const OPTIONS: InitializeHandlerOptions & AbsoluteLocation & { name: string } = {
  step: 'initialize',
  name: 'wheelhouseMetrics',
  // Outermost, so the latency includes the SDK's own retries and backoff: what a user waits for.
  priority: 'high',
};

const timeCall: InitializeMiddleware<object, object> = (next, context) => async (args) => {
  const service = String(context.clientName ?? 'unknown').replace(/Client$/, '');
  const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
  const stop = awsCallDuration.startTimer({ service, operation });
  try {
    const output = await next(args);
    stop({ outcome: 'success' });
    return output;
  } catch (error) {
    stop({ outcome: outcomeOf(error) });
    throw error;
  }
};

/** An AWS SDK v3 plugin that times every call of a client: `client.middlewareStack.use(...)`. */
export const awsMetricsPlugin: Pluggable<object, object> = {
  applyToStack(stack) {
    stack.add(timeCall, OPTIONS);
  },
};
