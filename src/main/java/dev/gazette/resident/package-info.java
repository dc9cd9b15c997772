/**
 * What a resident process ({@code gazette serve}) keeps from one build for the
 * next: values read from files, used again only while those files are unchanged. Off in a one-off build. Depends
 * on nothing else of Gazette's.
 */
package dev.gazette.resident;
