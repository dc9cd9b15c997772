package dev.gazette.media;

/** Width and height of an image in pixels. */
public record ImageSize(int width, int height) {

    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
    }
}
