package org.elisesweep.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.elisesweep.spark.DamagedTablesException;
import org.elisesweep.spark.InvalidOutputException;
import org.elisesweep.spark.LeaseHeldException;
import org.elisesweep.spark.LeaseLostException;
import org.elisesweep.spark.NotASweepOutputException;
import org.elisesweep.spark.SweepConflictException;
import org.elisesweep.sweep.ConfigProblems;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * What a user sees when a command fails: one line naming the cause and what to do, and the exit
 * status of {@link ExitStatus}; the full stack trace goes to the log file, whose path the line gives
 * for failures of the infrastructure. Invalid input (a sweep file's problems, one per line) is shown as
 * it is.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final Path log;

    Failures(Path log) {
        this.log = log;
    }

    /** A failure as shown: its exit status and its line. */
    record Shown(int status, String line) {
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        Shown shown = show(ex);
        appendTrace(ex);
        cmd.getErr().println(shown.line());
        cmd.getErr().flush();
        return shown.status();
    }

    /** A malformed command line: the message and where to read the options, not the whole usage text. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("error: " + ex.getMessage() + " (see `" + cmd.getCommandSpec().qualifiedName() + " --help`)");
        cmd.getErr().flush();
        return ExitStatus.INVALID;
    }

    Shown show(Throwable ex) {
        if (ex instanceof ConfigProblems) {
            return new Shown(ExitStatus.INVALID, ex.getMessage());
        }
        if (ex instanceof UsageException || ex instanceof NotASweepOutputException || ex instanceof SweepConflictException
                || ex instanceof LeaseHeldException || ex instanceof InvalidOutputException
                || ex instanceof DamagedTablesException) {
            return new Shown(ExitStatus.INVALID, "error: " + firstLine(ex.getMessage()));
        }
        if (ex instanceof AnalysisException a) {   // bad SQL: its simple message leaves out the query plan
            return new Shown(ExitStatus.INVALID, "error: " + firstLine(a.getSimpleMessage()));
        }
        SparkThrowable sql = userSqlError(ex);
        if (sql != null) {
            return new Shown(ExitStatus.INVALID, "error: the query failed: " + firstLine(((Throwable) sql).getMessage()));
        }
        if (ex instanceof SparkCommands.SparkStoppedException) {
            return new Shown(ExitStatus.INFRASTRUCTURE, "error: " + ex.getMessage() + " (full trace: " + log + ")");
        }
        if (ex instanceof LeaseLostException) {
            return new Shown(ExitStatus.INFRASTRUCTURE, "error: " + firstLine(ex.getMessage()));
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException) {
                return new Shown(ExitStatus.INTERRUPTED, "interrupted: " + firstLine(t.getMessage())
                        + "; rerun the same command to continue");
            }
        }
        return new Shown(ExitStatus.INFRASTRUCTURE, "error: " + infrastructureCause(ex) + " (full trace: " + log + ")");
    }

    /**
     * An error of a query itself in {@code ex}'s chain, at run time too (a division by zero, a bad cast):
     * SQLSTATE class 22 (data exception), 42 (syntax or access rule) or 0A (not supported).
     */
    private static SparkThrowable userSqlError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SparkThrowable s && s.getSqlState() != null
                    && (s.getSqlState().startsWith("22") || s.getSqlState().startsWith("42")
                    || s.getSqlState().startsWith("0A"))) {
                return s;
            }
        }
        return null;
    }

    /** The deepest recognisable cause in {@code ex}'s chain, with what to do about it. */
    static String infrastructureCause(Throwable ex) {
        Throwable root = ex;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device")) {
                return "the disk is full (" + firstLine(m) + "); free space, then rerun the same command to continue";
            }
            if (t instanceof UnsupportedFileSystemException
                    || t instanceof ClassNotFoundException && m.contains("FileSystem")) {
                return firstLine(m) + ": this file system's connector is not on the class path (for s3a: hadoop-aws "
                        + "and the AWS SDK bundle, e.g. spark-submit --packages org.apache.hadoop:hadoop-aws:3.4.2)";
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return "cannot connect: " + firstLine(m) + "; check that the server runs and the address is right";
            }
            if (t instanceof AccessDeniedException || m.contains("Permission denied") || m.contains("Read-only file system")
                    || m.contains("Operation not permitted")) {
                return "cannot write: " + firstLine(m) + "; choose a writable --out";
            }
            root = t;
        }
        return root.getClass().getSimpleName() + ": " + firstLine(root.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private void appendTrace(Throwable ex) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, Instant.now() + " " + trace, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("(could not write the trace to " + log + ": " + e.getMessage() + ")");
        }
    }
}
