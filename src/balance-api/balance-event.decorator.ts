import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { SubscribeMessage } from '@nestjs/websockets';
import type { Socket } from 'socket.io';

/** One Balance API request as its handler gets it. */
export interface BalanceCall {
  readonly client: Socket;
  /** What the client sent: `{ data, event }`, not yet validated. */
  readonly payload: unknown;
  /** The event's name without `balance:`: how logs, metrics and stored answers name the endpoint. */
  readonly endpoint: string;
}

const PREFIX = 'balance:';

const callOf = createParamDecorator((event: `balance:${string}`, context: ExecutionContext): BalanceCall => {
  const ws = context.switchToWs();
  return { client: ws.getClient<Socket>(), payload: ws.getData(), endpoint: event.slice(PREFIX.length) };
});

/**
 * A Balance API request handler: subscribes the method to `event` and hands it the request as
 * its one argument (`BalanceCall`), for `BalanceEndpoints.answer`. The event is named once.
 */
export function BalanceEvent(event: `balance:${string}`): MethodDecorator {
  return (target, key, descriptor) => {
    SubscribeMessage(event)(target, key, descriptor);
    callOf(event)(target, key, 0);
  };
}
