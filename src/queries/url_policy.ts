// Kept for the callers in ui/: the rule lives with the sources, which report blocked reads.
export { blockedByPolicy } from '../sources/url_policy';
