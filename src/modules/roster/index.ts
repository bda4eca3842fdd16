/** The forum's roster: seats with sector, role and term, the forum's rules as versioned pages, open nominations. */
import { defineModule } from '../../web/module.js';

export const rosterModule = defineModule({ name: 'roster' });
