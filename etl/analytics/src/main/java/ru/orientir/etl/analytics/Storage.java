package ru.orientir.etl.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

/**
 * The snapshot's and the marts' locations as URIs ({@code file:///…}, {@code s3a://bucket/prefix}, {@code hdfs://…}),
 * read and written through Hadoop's FileSystem API, the same one Spark uses: nothing here assumes a local disk. A
 * location is a plain string so that the driver, a spark-submit'ed application and the pipeline can pass it around.
 */
public final class Storage {
    private final Configuration hadoop;

    public Storage(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /**
     * Hadoop's configuration from Spark settings: every {@code spark.hadoop.X} becomes {@code X}, as Spark does for its
     * own sessions (the s3a endpoint, path-style access, a credentials provider). Credentials are not expected here.
     */
    public static Storage fromSparkConf(Map<String, String> sparkConf) {
        Configuration conf = new Configuration();
        sparkConf.forEach((k, v) -> {
            if (k.startsWith("spark.hadoop.")) {
                conf.set(k.substring("spark.hadoop.".length()), v);
            }
        });
        return new Storage(conf);
    }

    /** {@code base/child}, whatever the scheme. */
    public static String resolve(String base, String child) {
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + child;
    }

    /** A local directory as a location. */
    public static String of(java.nio.file.Path local) {
        return local.toAbsolutePath().normalize().toUri().toString();
    }

    /** The local path of a {@code file:} location; empty for any other scheme. */
    public static java.util.Optional<java.nio.file.Path> localPath(String location) {
        URI uri = URI.create(location);
        if (uri.getScheme() == null) {
            return java.util.Optional.of(java.nio.file.Path.of(location));
        }
        return "file".equals(uri.getScheme()) ? java.util.Optional.of(java.nio.file.Path.of(uri)) : java.util.Optional.empty();
    }

    public boolean exists(String location) {
        try {
            Path p = new Path(location);
            return p.getFileSystem(hadoop).exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось проверить " + location + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of every file under {@code location}; {@link Long#MAX_VALUE} when it cannot be read. */
    public long bytes(String location) {
        try {
            Path p = new Path(location);
            return p.getFileSystem(hadoop).getContentSummary(p).getLength();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The Parquet files directly under {@code dir}, sorted, as locations. */
    public List<String> parquetParts(String dir) {
        try {
            Path p = new Path(dir);
            List<String> parts = new ArrayList<>();
            for (FileStatus f : p.getFileSystem(hadoop).listStatus(p)) {
                if (f.isFile() && f.getPath().getName().endsWith(".parquet")) {
                    parts.add(f.getPath().toString());
                }
            }
            parts.sort(null);
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось прочитать список файлов витрины в " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Copies a file or a directory tree from one location to another (either may be local or remote). */
    public void copy(String from, String to) {
        try {
            Path src = new Path(from);
            Path dst = new Path(to);
            FileSystem dstFs = dst.getFileSystem(hadoop);
            if (dstFs.exists(dst)) {
                dstFs.delete(dst, true);
            }
            if (!FileUtil.copy(src.getFileSystem(hadoop), src, dstFs, dst, false, true, hadoop)) {
                throw new IOException("копирование не выполнено");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось скопировать " + from + " в " + to + ": " + e.getMessage(), e);
        }
    }

    public void delete(String location) {
        try {
            Path p = new Path(location);
            p.getFileSystem(hadoop).delete(p, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось удалить " + location + ": " + e.getMessage(), e);
        }
    }

    public void writeText(String location, String text) {
        Path p = new Path(location);
        try (OutputStream out = p.getFileSystem(hadoop).create(p, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось записать " + location + ": " + e.getMessage(), e);
        }
    }

    public String readText(String location) {
        Path p = new Path(location);
        try (InputStream in = p.getFileSystem(hadoop).open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось прочитать " + location + ": " + e.getMessage(), e);
        }
    }
}
