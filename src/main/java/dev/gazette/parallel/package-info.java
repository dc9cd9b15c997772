/**
 * Work shared out over the threads of a build's fork-join pool item by item, so that no thread waits while another
 * still has a long run of items to itself.
 */
package dev.gazette.parallel;
