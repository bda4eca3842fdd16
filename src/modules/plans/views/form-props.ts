import type { PageContext } from '../../../web/context.js';
import type { FieldErrors } from '../../../web/ui/index.js';

/** What every plans form page is given: the values its controls hold, the messages beside them, a conflict. */
export interface FormProps<Values> {
  ctx: PageContext;
  values: Values;
  errors: FieldErrors;
  conflict?: boolean;
}
