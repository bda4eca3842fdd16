/** Co-creation: a plan's phases published in advance, and the co-creation record computed from the records. */
import { defineModule } from '../../web/module.js';

export const cocreationModule = defineModule({ name: 'cocreation' });
