#!/usr/bin/perl
# Times Mail::DKIM in one process: messages are read first, one Signer/Verifier per message,
# the key served by an in-process DNS override. Prints the seconds of the loop.
#   mail-dkim-bench.pl sign dk|dkim KEYFILE OUTDIR FILE...    (writes signed copies to OUTDIR)
#   mail-dkim-bench.pl verify RECORD FILE...
use strict;
use warnings;
use Time::HiRes qw(time);
use Mail::DKIM::Signer;
use Mail::DKIM::Verifier;
use Mail::DKIM::DkSignature;
use Mail::DKIM::Signature;
use Mail::DKIM::PrivateKey;
use Crypt::OpenSSL::RSA;
use File::Basename;

my $mode = shift @ARGV;
sub slurp { local $/; open my $h, '<', $_[0] or die "$_[0]: $!\n"; my $t = <$h>; $t =~ s/\r?\n/\r\n/g; return $t; }

if ($mode eq 'verify') {
    my $record = shift @ARGV;
    no warnings 'redefine';
    *Mail::DKIM::DNS::query = sub {
        my ($name, $type) = @_;
        return () unless $name =~ /^[^.]+\._domainkey\./ && $type eq 'TXT';
        return (FakeTXT->new($record));
    };
    my @messages = map { slurp($_) } @ARGV;
    my ($start, $failed) = (time, 0);
    for my $message (@messages) {
        my $verifier = Mail::DKIM::Verifier->new();
        $verifier->PRINT($message);
        $verifier->CLOSE();
        $failed++ unless $verifier->result eq 'pass';
    }
    printf "%.3f %d\n", time - $start, $failed;
    exit 0;
}

my ($kind, $keyfile, $outdir, @files) = @ARGV;
my $pem = do { local $/; open my $h, '<', $keyfile or die; <$h> };
my $key = Mail::DKIM::PrivateKey->load(Cork => Crypt::OpenSSL::RSA->new_private_key($pem));
my @messages = map { slurp($_) } @files;
my @signatures;
my $start = time;
for my $message (@messages) {
    my $signer = Mail::DKIM::Signer->new(Key => $key, Policy => sub {
        my $dkim = shift;
        $dkim->add_signature($kind eq 'dk'
            ? Mail::DKIM::DkSignature->new(Algorithm => 'rsa-sha1', Method => 'nofws',
                Domain => 'example.com', Selector => 'sel')
            : Mail::DKIM::Signature->new(Algorithm => 'rsa-sha256', Method => 'relaxed/relaxed',
                Domain => 'example.com', Selector => 'sel', Headers => $dkim->headers));
        return;
    });
    $signer->PRINT($message);
    $signer->CLOSE();
    push @signatures, $signer->signature->as_string;
}
printf "%.3f 0\n", time - $start;
for my $i (0 .. $#files) {
    open my $h, '>', "$outdir/" . basename($files[$i]) or die;
    print $h $signatures[$i], "\r\n", $messages[$i];
}

package FakeTXT;
sub new { my ($class, $text) = @_; return bless { text => $text }, $class; }
sub type { return 'TXT'; }
sub txtdata { return ($_[0]{text}); }
sub char_str_list { return ($_[0]{text}); }
