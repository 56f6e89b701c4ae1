// The statements' words in the reader's language (the server's catalogs, "statement.*").

import type { CallContext } from '../context';
import { messageIn } from '../messages/render';

export function statementText(ctx: CallContext, key: string, params: Record<string, string | number> = {}): string {
  return messageIn(ctx.actor.locale, `statement.${key}`, params);
}
