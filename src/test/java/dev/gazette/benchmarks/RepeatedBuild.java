package dev.gazette.benchmarks;

import dev.gazette.cli.Main;
import dev.gazette.output.OutputFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Builds one site again and again in a single JVM, each time into an empty output folder, and prints each
 * build's wall and CPU time (all of the process's threads, the JIT compilers included). The last builds show
 * what a build costs once the JVM has loaded and compiled everything it runs: the part of a fresh
 * {@code gazette build} that is not the JVM warming up. bench/repeat.sh runs it (docs/performance.md).
 *
 * <p>Arguments: SITE RUNS [OUTPUT-PARENT]
 */
public final class RepeatedBuild {

    private RepeatedBuild() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RepeatedBuild SITE RUNS [OUTPUT-PARENT]");
            System.exit(2);
        }
        String site = args[0];
        int runs = Integer.parseInt(args[1]);
        Path under = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
        Path parent = Files.createTempDirectory(under, "repeat");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        PrintWriter quiet = new PrintWriter(new StringWriter());
        PrintWriter err = new PrintWriter(System.err, true);
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        try {
            for (int i = 0; i < runs; i++) {
                Path output = parent.resolve("out");
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                int code = Main.run(quiet, err, "build", "-q", "-o", output.toString(), site);
                wall[i] = (System.nanoTime() - t0) / 1e9;
                cpu[i] = (os.getProcessCpuTime() - cpu0) / 1e9;
                if (code != 0) {
                    System.err.println("build " + (i + 1) + " failed with exit code " + code);
                    System.exit(code);
                }
                System.out.printf("build %d: %.3f s wall, %.3f s CPU%n", i + 1, wall[i], cpu[i]);
                OutputFolder.deleteTree(parent);
                Files.createDirectories(parent);
            }
        } finally {
            OutputFolder.deleteTree(parent);
        }
        int last = Math.max(1, runs / 4);
        System.out.printf("last %d builds: median %.3f s wall, %.3f s CPU%n", last,
                median(Arrays.copyOfRange(wall, runs - last, runs)),
                median(Arrays.copyOfRange(cpu, runs - last, runs)));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
