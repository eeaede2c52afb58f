package org.gongkai.testsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch server for Gongkai's search tests.
 *
 * <p>It runs the OpenSearch server jar straight from the classpath (no distribution
 * tarball): a {@link Node} subclass is given the plugin classes it needs (the Netty4
 * HTTP/transport layer and the common analysis module with the CJK analyzers), binds
 * to 127.0.0.1 only, forms a one-node cluster and serves HTTP until it gets SIGTERM or
 * SIGINT.
 *
 * <p>Configuration (command-line option wins over environment variable, which wins
 * over the default):
 * <pre>
 *   --port N            OPENSEARCH_PORT          HTTP port (default 9200)
 *   --data DIR          OPENSEARCH_DATA_DIR      data directory (default: fresh temp dir, removed on exit)
 *   --cluster-name NAME OPENSEARCH_CLUSTER_NAME  cluster name (default gongkai-test)
 * </pre>
 */
public final class EmbeddedOpenSearch {

    /** Plugins that a full distribution would load from its modules/ folder. */
    private static final List<Class<? extends Plugin>> PLUGINS =
        List.of(Netty4Plugin.class, CommonAnalysisPlugin.class);

    /** Node's constructor with explicit classpath plugins is protected, hence the subclass. */
    private static final class TestNode extends Node {
        TestNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    private EmbeddedOpenSearch() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parseArgs(args);
        int port = Integer.parseInt(option(opts, "port", "OPENSEARCH_PORT", "9200"));
        String clusterName = option(opts, "cluster-name", "OPENSEARCH_CLUSTER_NAME", "gongkai-test");
        String dataOpt = option(opts, "data", "OPENSEARCH_DATA_DIR", null);

        // path.home only needs an (empty) config/ folder; it is always throw-away.
        Path home = Files.createTempDirectory("gongkai-opensearch-home-");
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("modules"));
        List<Path> toDelete = new ArrayList<>();
        toDelete.add(home);

        Path data;
        if (dataOpt == null || dataOpt.isBlank()) {
            data = Files.createTempDirectory("gongkai-opensearch-data-");
            toDelete.add(data);
        } else {
            data = Paths.get(dataOpt).toAbsolutePath();
            Files.createDirectories(data);
        }

        Settings settings = Settings.builder()
            .put("cluster.name", clusterName)
            .put("node.name", "gongkai-test-node")
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            // transport is only used inside this one node; let the OS pick a free port
            .put("transport.port", 0)
            .put("discovery.type", "single-node")
            .put("bootstrap.memory_lock", false)
            // a nearly-full disk must not block indexing in tests
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", true)
            .put("indices.breaker.total.use_real_memory", false)
            .build();

        Environment environment =
            InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), home.resolve("config"), () -> "gongkai-test-node");

        long started = System.nanoTime();
        Node node;
        try {
            node = new TestNode(environment, PLUGINS);
        } catch (Exception e) {
            System.err.println("OpenSearch failed to start: " + e);
            e.printStackTrace();
            toDelete.forEach(EmbeddedOpenSearch::deleteQuietly);
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                System.out.println("OpenSearch stopping");
                node.close();
                if (!node.awaitClose(10, TimeUnit.SECONDS)) {
                    System.err.println("OpenSearch did not stop within 10s");
                }
            } catch (Exception e) {
                System.err.println("error while stopping OpenSearch: " + e);
            } finally {
                toDelete.forEach(EmbeddedOpenSearch::deleteQuietly);
                System.out.println("OpenSearch stopped");
                System.out.flush();
                stopped.countDown();
            }
        }, "opensearch-shutdown"));

        try {
            node.start();
            // wait until the cluster can serve requests
            node.client().admin().cluster().prepareHealth().setWaitForYellowStatus()
                .setTimeout(TimeValue.timeValueSeconds(60)).get();
            // One node: replicas can never be assigned. Default new indices to 0 replicas so
            // they are green. (Only honoured as a cluster setting, not as a node setting.)
            node.client().admin().cluster().prepareUpdateSettings()
                .setPersistentSettings(Settings.builder().put("cluster.default_number_of_replicas", 0))
                .get();
        } catch (Exception e) {
            System.err.println("OpenSearch failed to start: " + e);
            e.printStackTrace();
            System.exit(1); // runs the shutdown hook, which closes the node
        }

        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("OpenSearch ready on http://127.0.0.1:" + port + " (cluster " + clusterName
            + ", data " + data + ", started in " + ms + " ms)");
        System.out.flush();

        // OpenSearch's own threads are daemons: keep the JVM alive until the shutdown hook ran.
        stopped.await();
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println("usage: EmbeddedOpenSearch [--port N] [--data DIR] [--cluster-name NAME]");
                System.exit(0);
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for " + a);
            }
            if (!List.of("port", "data", "cluster-name").contains(key)) {
                throw new IllegalArgumentException("unknown option: --" + key);
            }
            opts.put(key, value);
        }
        return opts;
    }

    private static String option(Map<String, String> opts, String key, String env, String dflt) {
        String v = opts.get(key);
        if (v == null) {
            v = System.getenv(env);
        }
        return (v == null || v.isBlank()) ? dflt : v;
    }

    private static void deleteQuietly(Path root) {
        try {
            if (!Files.exists(root)) {
                return;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
