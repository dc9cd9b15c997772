package dev.gazette.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Smaller copies of the site's raster images, so a phone downloads an image the width of its screen rather than
 * the photographer's original: every JPEG and PNG under static/ wider than {@value #SMALLEST} pixels gets a copy
 * at each of {@link #WIDTHS} below its own width, written beside it as {@code name-800w.jpg}, and pages list them
 * in {@code srcset}. Resized copies are kept in the build cache by the original's content, so a rebuild does not
 * resize again. Made with the JDK's ImageIO and Java2D; an image they cannot read (a CMYK JPEG, WebP) keeps only
 * its original, as does SVG.
 */
public final class ResponsiveImages {

    /** The widths copies are made at, in pixels: a phone, a tablet or narrow window, a laptop, a large screen. */
    public static final int[] WIDTHS = {480, 800, 1200, 1600};
    private static final int SMALLEST = 480;
    private static final float JPEG_QUALITY = 0.82f;

    private final ImageSizes sizes;
    private final Path cacheDir;

    private final Set<String> cacheFilesUsed = ConcurrentHashMap.newKeySet();

    /**
     * @param cacheDir where resized copies are kept between builds (made when needed); null to keep none
     */
    public ResponsiveImages(ImageSizes sizes, Path cacheDir) {
        this.sizes = sizes;
        this.cacheDir = cacheDir;
    }

    /**
     * The {@code srcset} of the image at a site path such as "/images/port.jpg": its copies and the original, each
     * with its width ("/images/port-480w.jpg 480w, /images/port.jpg 1200w"); empty when it gets no copies (not a
     * readable JPEG or PNG in static/, or no wider than the smallest copy).
     */
    public static Optional<String> srcset(ImageSizes sizes, String src) {
        if (src == null || !resizable(src)) {
            return Optional.empty();
        }
        Optional<ImageSize> size = sizes.sizeOf(src);
        if (size.isEmpty() || size.get().width() <= SMALLEST) {
            return Optional.empty();
        }
        int width = size.get().width();
        String path = src.split("[?#]", 2)[0];
        StringBuilder set = new StringBuilder();
        for (int w : WIDTHS) {
            if (w < width) {
                set.append(copyName(path, w)).append(' ').append(w).append("w, ");
            }
        }
        return Optional.of(set.append(path).append(' ').append(width).append('w').toString());
    }

    /** Whether a file name is of a kind that gets copies (JPEG, PNG). */
    public static boolean resizable(String name) {
        String lower = name.split("[?#]", 2)[0].toLowerCase(Locale.ROOT);
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png");
    }

    /** "images/port.jpg" at 800 pixels: "images/port-800w.jpg". */
    public static String copyName(String path, int width) {
        int dot = path.lastIndexOf('.');
        return path.substring(0, dot) + "-" + width + "w" + path.substring(dot);
    }

    /** One resized copy to write into the output. */
    public record Copy(String relativePath, byte[] bytes) {
    }

    /**
     * The resized copies of one static image (its path relative to static/, such as "images/port.jpg"), from the
     * cache when they are there; none when it is not one that gets copies.
     */
    public List<Copy> copiesOf(Path file, String relativePath) throws IOException {
        if (!resizable(relativePath)) {
            return List.of();
        }
        Optional<ImageSize> size = sizes.sizeOf("/" + relativePath);
        if (size.isEmpty() || size.get().width() <= SMALLEST) {
            return List.of();
        }
        List<Integer> widths = new ArrayList<>();
        for (int w : WIDTHS) {
            if (w < size.get().width()) {
                widths.add(w);
            }
        }
        byte[] original = Files.readAllBytes(file);
        String key = digest(original);
        boolean jpeg = !relativePath.toLowerCase(Locale.ROOT).endsWith(".png");
        String extension = jpeg ? ".jpg" : ".png";
        List<Copy> copies = new ArrayList<>();
        BufferedImage image = null;
        for (int w : widths) {
            String cacheName = key + "-" + w + extension;
            Path cached = cacheDir == null ? null : cacheDir.resolve(cacheName);
            byte[] bytes = null;
            if (cached != null && Files.isRegularFile(cached)) {
                bytes = Files.readAllBytes(cached);
            } else {
                if (image == null) {
                    image = read(original);
                }
                // pixels ImageIO cannot decode (a CMYK JPEG): the original under the copy's name, so that every
                // file the srcset lists exists; the browser scales it
                bytes = image == null ? original : encode(resize(image, w), jpeg);
                if (cached != null) {
                    Files.createDirectories(cacheDir);
                    Path temp = Files.createTempFile(cacheDir, "resize", ".tmp");
                    Files.write(temp, bytes);
                    Files.move(temp, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            }
            cacheFilesUsed.add(cacheName);
            copies.add(new Copy(copyName(relativePath, w), bytes));
        }
        return copies;
    }

    /** Deletes cached copies no image of this build used (an image replaced or removed). */
    public void forgetUnused() throws IOException {
        if (cacheDir == null || !Files.isDirectory(cacheDir)) {
            return;
        }
        try (var files = Files.list(cacheDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!cacheFilesUsed.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static BufferedImage read(byte[] bytes) throws IOException {
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            return ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Scaled to a width by halving with bilinear interpolation until within twice the target, then one last
     * bicubic step: a single large step would skip most source pixels and alias (moiré on fine patterns).
     */
    static BufferedImage resize(BufferedImage source, int width) {
        boolean alpha = source.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        while (w / 2 >= width) {
            w /= 2;
            h = Math.max(1, h / 2);
            current = draw(current, w, h, type, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return draw(current, width, height, type, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encode(BufferedImage image, boolean jpeg) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!jpeg) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
        BufferedImage rgb = image;
        if (image.getColorModel().hasAlpha()) {
            rgb = draw(image, image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
