/** Working groups: one per commitment or thematic, anyone signed in joins or leaves, the public roster of those who consent. */
import { defineModule } from '../../web/module.js';

export const workgroupsModule = defineModule({ name: 'workgroups' });
