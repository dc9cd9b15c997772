package dev.gazette.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Pixel sizes of images under static/, so pages can give {@code <img>} its width and height and the browser
 * reserves the space before the image arrives. Only the header is read; each file is read once per build.
 */
public final class ImageSizes {

    private final Path staticDir;
    private final String basePath;
    private final Map<String, Optional<ImageSize>> known = new ConcurrentHashMap<>();

    /** @param basePath the site's base path ("/" or "/news/"), which image URLs start with */
    public ImageSizes(Path staticDir, String basePath) {
        this.staticDir = staticDir.toAbsolutePath().normalize();
        this.basePath = basePath;
    }

    /** The size of the image at a site path such as "/images/ankara.jpg", when it is a readable file in static/. */
    public Optional<ImageSize> sizeOf(String src) {
        if (src == null || src.contains("://") || src.startsWith("//") || !src.startsWith("/")) {
            return Optional.empty();
        }
        String path = src.split("[?#]", 2)[0];
        path = path.startsWith(basePath) ? path.substring(basePath.length()) : path.substring(1);
        return known.computeIfAbsent(path, this::read);
    }

    private Optional<ImageSize> read(String relative) {
        Path file = staticDir.resolve(relative).normalize();
        if (!file.startsWith(staticDir) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (relative.toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
            return Optional.empty();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new ImageSize(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
