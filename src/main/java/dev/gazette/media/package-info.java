/** Facts about the site's media files, such as the pixel size of images in static/, read once and shared. */
package dev.gazette.media;
